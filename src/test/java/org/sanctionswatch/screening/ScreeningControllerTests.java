package org.sanctionswatch.screening;

import org.junit.jupiter.api.Test;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.article.ArticleDecoder;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The dry run answers what would fire, with the same validation as the input topic (to a logged-in user). */
@WebMvcTest(ScreeningController.class)
@Import({ ScreeningControllerTests.Engine.class, ArticleDecoder.class })
class ScreeningControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void answersWithTheAlertsThatWouldFire() {
		assertThat(this.mvc.post()
			.uri("/api/screen")
			.with(user("analyst"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "Hanoi orders more jets",
					 "body": "Vietnam signed a contract with Rosoboronexport for twelve Su-30MK2 fighters, officials said."}
					"""))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.articleId").isEqualTo("dry-run");
				assertThat(json).extractingPath("$.alerts[0].ruleId").isEqualTo("CAATSA-231");
				assertThat(json).extractingPath("$.alerts[0].exposedParties[0].entryId").isEqualTo("country:VN");
				assertThat(json).extractingPath("$.alerts[0].counterparties[0].name").isEqualTo("Rosoboronexport");
				assertThat(json).extractingPath("$.alerts[0].transactionKinds").asArray().containsExactly("contract");
				assertThat(json).extractingPath("$.transactions").asArray().hasSize(2);
			});
	}

	@Test
	void staysQuietOnANearMiss() {
		assertThat(this.mvc.post()
			.uri("/api/screen")
			.with(user("analyst"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"p-1\",\"body\":\"S-400 launchers rolled through Red Square during the Victory Day parade.\"}"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.articleId").isEqualTo("p-1");
				assertThat(json).extractingPath("$.alerts").asArray().isEmpty();
			});
	}

	@Test
	void refusesAnInvalidArticleWithTheReason() {
		assertThat(this.mvc.post().uri("/api/screen").with(user("analyst")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"body\": 42}"))
			.hasStatus(400)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.reason").isEqualTo("wrong-type");
				assertThat(json).extractingPath("$.detail").asString().contains("'body'");
			});
		assertThat(this.mvc.post().uri("/api/screen").with(user("analyst")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{nope"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.reason")
			.isEqualTo("not-json");
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SanctionsWatchProperties.class)
	static class Engine {

		@Bean
		ScreeningEngine screeningEngine() {
			ReferenceData reference = ReferenceData.bundled();
			RuleRepository rules = new RuleRepository(reference.transactionKinds(), true, null);
			return ScreeningEngine.standalone(rules::current);
		}

	}

}
