package org.sanctionswatch.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Rules and lists are managed by ADMIN only; a refused rule file is shown with its file, line and cause. */
@WebMvcTest(AdminApi.class)
@Import({ SecurityConfiguration.class, AdminApiTests.Rules.class })
class AdminApiTests {

	@TempDir
	static Path ruleDirectory;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RuleRepository rules;

	@Autowired
	SanctionsListRegistry lists;

	@DynamicPropertySource
	static void listSource(DynamicPropertyRegistry registry) throws java.io.IOException {
		String location = new ClassPathResource("lists/ofac").getFile().toString();
		registry.add("sanctions-watch.lists.sources[0].id", () -> "ofac");
		registry.add("sanctions-watch.lists.sources[0].format", () -> "ofac-sdn-csv");
		registry.add("sanctions-watch.lists.sources[0].location", () -> location);
	}

	@Test
	void viewersAndAnalystsCannotManageRulesOrLists() {
		var attempted = this.lists.status().get("ofac").lastAttempt();
		for (String role : new String[] { "VIEWER", "ANALYST" }) {
			assertThat(this.mvc.get().uri("/api/admin/rules").with(user("u").roles(role))).hasStatus(403);
			assertThat(this.mvc.post().uri("/api/admin/lists/refresh").with(user("u").roles(role)).with(csrf()))
				.hasStatus(403);
		}
		assertThat(this.mvc.get().uri("/api/admin/rules")).hasStatus(401);
		assertThat(this.lists.status().get("ofac").lastAttempt()).as("no refresh happened").isEqualTo(attempted);
	}

	@Test
	void anAdminRefreshesTheListsAndSeesTheirStatus() throws Exception {
		var attempted = this.lists.status().get("ofac").lastAttempt();
		Thread.sleep(5); // a refresh must show a later attempt
		assertThat(this.mvc.post().uri("/api/admin/lists/refresh").with(user("a").roles("ADMIN")).with(csrf()))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.ofac.state").isEqualTo("LOADED");
				assertThat(json).extractingPath("$.ofac.entries").isEqualTo(6);
			});
		assertThat(this.lists.status().get("ofac").lastAttempt()).isAfter(attempted);
		assertThat(this.mvc.post().uri("/api/admin/lists/refresh").with(user("a").roles("ADMIN")).with((request) -> {
			// a browser's request, which carries its session cookie; requests without one need no token
			request.setRequestedSessionId("browser-session");
			return request;
		})).as("a state-changing request of a browser session without the CSRF token").hasStatus(403);
	}

	@Test
	void anAdminSeesTheRulesInForceAndARefusedFile() throws Exception {
		assertThat(this.mvc.get().uri("/api/admin/rules").with(user("a").roles("ADMIN"))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.rules[*].id").asArray().contains("CAATSA-231", "SDN-MATCH");
				assertThat(json).extractingPath("$.refused").isNull();
			});
		Files.writeString(ruleDirectory.resolve("broken.yaml"), "pack: broken\nversion: \"1\"\nrules:\n  - id: bad id\n");
		assertThat(this.mvc.post().uri("/api/admin/rules/reload").with(user("a").roles("ADMIN")).with(csrf()))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.refused.file").asString().endsWith("broken.yaml");
				assertThat(json).extractingPath("$.refused.line").isEqualTo(4);
				assertThat(json).extractingPath("$.rules[*].id").asArray().contains("CAATSA-231");
			});
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SanctionsWatchProperties.class)
	static class Rules {

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

		@Bean
		SanctionsListRegistry sanctionsListRegistry(SanctionsWatchProperties properties,
				ApplicationEventPublisher events, ThreadPoolTaskScheduler scheduler) {
			return new SanctionsListRegistry(properties, events, scheduler);
		}

		@Bean
		RuleRepository ruleRepository() {
			return new RuleRepository(ReferenceData.bundled().transactionKinds(), true, ruleDirectory);
		}

	}

}
