package org.sanctionswatch.alertstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The published decision event and its documented schema name the same fields and values. */
class AlertTriagedSchemaTests {

	@Test
	void theDecisionSchemaDescribesTheEventAsPublished() throws IOException {
		JsonNode schema = JsonMapper.shared().readTree(Files.readString(Path.of("docs/schemas/alert-decision.schema.json")));
		List<String> fields = Arrays.stream(AlertTriaged.class.getRecordComponents()).map((c) -> c.getName()).toList();
		assertThat(schema.path("required").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(fields);
		assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
		assertThat(schema.path("properties").path("action").path("enum").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(Stream.of(TriageAction.values()).map(Enum::name).toList());
		assertThat(schema.path("$defs").path("status").path("enum").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(Stream.of(TriageStatus.values()).map(Enum::name).toList());
		String asyncApi = Files.readString(Path.of("docs/asyncapi.yaml"));
		assertThat(asyncApi).contains("address: sanctions.alert-decisions", "org.sanctionswatch.alert.triaged.v1",
				"./schemas/alert-decision.schema.json");
	}

}
