package org.sanctionswatch.screening;

import java.util.List;

import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.analysis.Transaction;
import org.sanctionswatch.article.Article;
import org.sanctionswatch.article.ArticleDecoder;
import org.sanctionswatch.article.InvalidArticleException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dry run: what would fire for an article, without publishing anything. Takes the same JSON as the
 * input topic (the id may be left out).
 */
@RestController
class ScreeningController {

	private final ScreeningEngine engine;

	private final ArticleDecoder decoder;

	ScreeningController(ScreeningEngine engine, ArticleDecoder decoder) {
		this.engine = engine;
		this.decoder = decoder;
	}

	record DryRun(String articleId, List<AlertRaised> alerts, List<Transaction> transactions, String rulesetVersion,
			String gazetteerVersion) {
	}

	@PostMapping(path = "/api/screen", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	DryRun screen(@RequestBody byte[] article) {
		Article decoded = this.decoder.decode(article, "dry-run");
		Screening s = this.engine.screen(decoded);
		return new DryRun(decoded.id(), s.alerts(), s.analysis().transactions(), s.rulesetVersion(), s.gazetteerVersion());
	}

	@ExceptionHandler(InvalidArticleException.class)
	ProblemDetail invalid(InvalidArticleException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid article");
		problem.setProperty("reason", ex.reason().code());
		return problem;
	}

}
