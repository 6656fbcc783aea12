package org.sanctionswatch.screening;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIdsTests {

	@Test
	void theSameArticleRuleAndVersionGiveTheSameId() {
		String id = AlertIds.of("article-1", "CAATSA-231", "d6fe36107b65");
		assertThat(AlertIds.of("article-1", "CAATSA-231", "d6fe36107b65")).isEqualTo(id);
		// a name-based (version 3) UUID, so any replica computes it without coordination
		assertThat(UUID.fromString(id).version()).isEqualTo(3);
	}

	@Test
	void anyDifferentInputGivesADifferentId() {
		String id = AlertIds.of("article-1", "CAATSA-231", "v1");
		assertThat(AlertIds.of("article-1", "CAATSA-231", "v2")).isNotEqualTo(id);
		assertThat(AlertIds.of("article-2", "CAATSA-231", "v1")).isNotEqualTo(id);
		assertThat(AlertIds.of("article-1", "CAATSA-232", "v1")).isNotEqualTo(id);
	}

	@Test
	void fieldBoundariesCannotBeShifted() {
		// "ab" + "c" and "a" + "bc" must not collide
		assertThat(AlertIds.of("ab", "c", "v1")).isNotEqualTo(AlertIds.of("a", "bc", "v1"));
		assertThat(AlertIds.of("a", "b", "cv1")).isNotEqualTo(AlertIds.of("a", "bc", "v1"));
	}

}
