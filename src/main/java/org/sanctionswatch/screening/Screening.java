package org.sanctionswatch.screening;

import java.util.List;

import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.ArticleAnalysis;

/** The outcome of screening one article: the alerts, and the analysis behind them (for the dry run). */
public record Screening(List<AlertRaised> alerts, ArticleAnalysis analysis, String rulesetVersion,
		String gazetteerVersion) {

	public Screening {
		alerts = List.copyOf(alerts);
	}

}
