package org.sanctionswatch.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live feed's HTTP end: one server-sent event stream per open dashboard. */
@RestController
@Tag(name = "Alerts")
class LiveFeedController {

	private final LiveFeed feed;

	LiveFeedController(LiveFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-sent events: 'alert' (an alert summary) for each new alert, 'decision' for each "
			+ "triage decision, as they happen")
	SseEmitter stream() {
		return this.feed.subscribe();
	}

}
