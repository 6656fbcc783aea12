package org.sanctionswatch.reference;

import java.util.Set;

/**
 * English function words the role analysis reads around a transaction word, already folded. They come from
 * {@code cues.yaml} like the rest of the vocabulary.
 */
public record Lexicon(Set<String> auxiliaries, Set<String> determiners, Set<String> pronouns,
		Set<String> clauseOpeners, Set<String> sellerPrepositions, Set<String> recipientPrepositions,
		Set<String> partnerPrepositions, Set<String> agentPrepositions, Set<String> locationPrepositions,
		Set<String> actorNouns, Set<String> hypothetical, Set<String> coordinators, Set<String> temporalPrepositions,
		Set<String> sanctionPrepositions, Set<String> reportingVerbs, Set<String> perfectAuxiliaries,
		Set<String> passiveAuxiliaries, Set<String> auxiliaryLemmas, Set<String> sourcePhrases,
		Set<String> deadlinePrepositions, Set<String> nounLinks, Set<String> prepositions) {

	public Lexicon {
		auxiliaries = Set.copyOf(auxiliaries);
		determiners = Set.copyOf(determiners);
		pronouns = Set.copyOf(pronouns);
		clauseOpeners = Set.copyOf(clauseOpeners);
		sellerPrepositions = Set.copyOf(sellerPrepositions);
		recipientPrepositions = Set.copyOf(recipientPrepositions);
		partnerPrepositions = Set.copyOf(partnerPrepositions);
		agentPrepositions = Set.copyOf(agentPrepositions);
		locationPrepositions = Set.copyOf(locationPrepositions);
		actorNouns = Set.copyOf(actorNouns);
		hypothetical = Set.copyOf(hypothetical);
		coordinators = Set.copyOf(coordinators);
		temporalPrepositions = Set.copyOf(temporalPrepositions);
		sanctionPrepositions = Set.copyOf(sanctionPrepositions);
		reportingVerbs = Set.copyOf(reportingVerbs);
		perfectAuxiliaries = Set.copyOf(perfectAuxiliaries);
		passiveAuxiliaries = Set.copyOf(passiveAuxiliaries);
		auxiliaryLemmas = Set.copyOf(auxiliaryLemmas);
		sourcePhrases = Set.copyOf(sourcePhrases);
		deadlinePrepositions = Set.copyOf(deadlinePrepositions);
		nounLinks = Set.copyOf(nounLinks);
		prepositions = Set.copyOf(prepositions);
	}

	/** Asked for every token of every article: one look-up in the union of all the preposition sets. */
	public boolean isPreposition(String token) {
		return this.prepositions.contains(token);
	}

}
