package org.sanctionswatch.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sanctionswatch.SanctionsWatchProperties;
import org.sanctionswatch.alert.AlertRaised;
import org.sanctionswatch.alertstore.AlertSummary;
import org.sanctionswatch.alertstore.AlertTriaged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes new alerts and triage decisions to every open dashboard as server-sent events.
 * <p>
 * Each replica reads the alert and decision topics in a consumer group of its own (a random suffix), from the
 * latest offset: every replica sees every record, so a user sees everything live whichever replica serves
 * them. The store reads the same topics in a shared group; this feed only tells browsers what is new.
 */
@Component
class LiveFeed {

	static final String LIVE_LISTENER_FACTORY = "dashboardLiveListenerFactory";

	/** Browsers reconnect by themselves (EventSource); a bounded stream frees threads of forgotten tabs. */
	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private static final Logger logger = LoggerFactory.getLogger(LiveFeed.class);

	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	private final JsonMapper json;

	private final String alertTopic;

	LiveFeed(JsonMapper json, SanctionsWatchProperties properties) {
		this.json = json;
		this.alertTopic = properties.topics().alerts();
	}

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		this.emitters.add(emitter);
		// tells the page the stream is open, so it can show "live" and a test can wait for it
		send(emitter, SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
		return emitter;
	}

	int subscribers() {
		return this.emitters.size();
	}

	@KafkaListener(id = "dashboard-live", autoStartup = "true",
			groupId = "${sanctions-watch.dashboard.live-group-prefix:sanctions-watch-dashboard-live}-${random.uuid}",
			topics = { "${sanctions-watch.topics.alerts:sanctions.alerts}",
					"${sanctions-watch.dashboard.decisions-topic:sanctions.alert-decisions}" },
			properties = { "auto.offset.reset=latest" }, containerFactory = LIVE_LISTENER_FACTORY)
	void onRecord(ConsumerRecord<String, byte[]> record) {
		if (this.emitters.isEmpty()) {
			// nobody is watching on this replica: decoding every alert for no one costs screening's CPU
			return;
		}
		try {
			if (this.alertTopic.equals(record.topic())) {
				AlertRaised alert = this.json.readValue(record.value(), AlertRaised.class);
				broadcast("alert", AlertSummary.of(alert));
			}
			else {
				broadcast("decision", this.json.readValue(record.value(), AlertTriaged.class));
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.debug("Not pushed, unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
		}
	}

	/** A comment line now and then: finds streams whose browser has gone, and keeps proxies from closing idle ones. */
	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		this.emitters.forEach((emitter) -> send(emitter, SseEmitter.event().comment("keep-alive")));
	}

	private void broadcast(String name, Object data) {
		this.emitters.forEach((emitter) -> send(emitter, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON)));
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// the browser went away; the emitter's callbacks remove it
			this.emitters.remove(emitter);
			emitter.completeWithError(ex);
		}
	}

}
