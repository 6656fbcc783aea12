package org.sanctionswatch.screening;

import java.util.List;

import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.ArticleAnalysis;

/** The outcome of screening one article: the alerts, the analysis behind them (for the dry run), its language. */
public record Screening(List<AlertRaised> alerts, ArticleAnalysis analysis, String rulesetVersion,
		String gazetteerVersion, String language) {

	public Screening {
		alerts = List.copyOf(alerts);
	}

}
