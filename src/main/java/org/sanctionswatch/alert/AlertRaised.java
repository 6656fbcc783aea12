package org.sanctionswatch.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An article reported a transaction that trips a rule. Everything a downstream system needs to act without
 * reading the article: the rule and its legal citation, who is exposed, the listed counterparty, what is
 * traded, and the sentences that prove it, with offsets into the article.
 *
 * @param alertId the same for the same article, rule and rule version, however often it is screened
 */
public record AlertRaised(String alertId, String ruleId, String ruleTitle, String ruleVersion, String citation,
		String severity, double score, String stage, String articleId, @Nullable String title, @Nullable String url,
		@Nullable String source, @Nullable String publishedAt, String language, List<Party> exposedParties,
		List<Party> counterparties, List<Item> systems, List<String> transactionKinds, List<Span> evidence,
		List<Span> titleEvidence, List<Match> matches, String rulesetVersion, String detectedAt) {

	public record Party(String name, String entryId, String kind, @Nullable String country, String basis,
			@Nullable String reason, List<ListRef> lists, List<Span> mentions) {
	}

	public record ListRef(String list, String entryId, String entryName, List<String> programs) {
	}

	public record Item(String name, String entryId, String category, @Nullable String origin, @Nullable String maker,
			List<Span> mentions) {
	}

	public record Span(String field, int start, int end, String text) {
	}

	public record Match(String field, int start, int end, String text, String entryId, String entryName, String kind,
			List<ListRef> lists) {
	}

}
