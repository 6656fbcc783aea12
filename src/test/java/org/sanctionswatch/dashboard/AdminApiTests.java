package org.sanctionswatch.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.lists.SanctionsListRegistry;
import org.sanctionswatch.lists.SourceStatus;
import org.sanctionswatch.reference.ReferenceData;
import org.sanctionswatch.rules.RuleRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
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

	@MockitoBean
	SanctionsListRegistry lists;

	@Test
	void viewersAndAnalystsCannotManageRulesOrLists() {
		for (String role : new String[] { "VIEWER", "ANALYST" }) {
			assertThat(this.mvc.get().uri("/api/admin/rules").with(user("u").roles(role))).hasStatus(403);
			assertThat(this.mvc.post().uri("/api/admin/lists/refresh").with(user("u").roles(role)).with(csrf()))
				.hasStatus(403);
		}
		assertThat(this.mvc.get().uri("/api/admin/rules")).hasStatus(401);
		verify(this.lists, never()).refreshNow();
	}

	@Test
	void anAdminRefreshesTheListsAndSeesTheirStatus() {
		given(this.lists.status()).willReturn(Map.of("ofac", new SourceStatus("ofac", false,
				SourceStatus.State.LOADED, "abc", 8976, null, null, null)));
		assertThat(this.mvc.post().uri("/api/admin/lists/refresh").with(user("a").roles("ADMIN")).with(csrf()))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.ofac.entries")
			.isEqualTo(8976);
		verify(this.lists).refreshNow();
		assertThat(this.mvc.post().uri("/api/admin/lists/refresh").with(user("a").roles("ADMIN")))
			.as("a state-changing request without the CSRF token")
			.hasStatus(403);
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
		RuleRepository ruleRepository() {
			return new RuleRepository(ReferenceData.bundled().transactionKinds(), true, ruleDirectory);
		}

	}

}
