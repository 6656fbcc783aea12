package org.sanctionswatch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the service, under {@code sanctions-watch.*}. One tree, validated at start-up, so that
 * a typo in a deployment fails fast instead of running with a silent default.
 */
@ConfigurationProperties("sanctions-watch")
@Validated
public record SanctionsWatchProperties(@Valid @DefaultValue Topics topics, @Valid @DefaultValue Articles articles,
		@Valid @DefaultValue Rules rules, @Valid @DefaultValue Lists lists, @Valid @DefaultValue Alerts alerts,
		@Valid @DefaultValue Dashboard dashboard) {

	/** The tree that configuration binds to. */
	@ConstructorBinding
	public SanctionsWatchProperties {
	}

	/** Everything but the dashboard, which gets its defaults: for code that builds settings by hand. */
	public SanctionsWatchProperties(Topics topics, Articles articles, Rules rules, Lists lists, Alerts alerts) {
		this(topics, articles, rules, lists, alerts, new Dashboard("sanctions.alert-decisions",
				URI.create("urn:sanctions-watch:dashboard"), "org.sanctionswatch.alert.triaged.v1",
				"sanctions-watch-dashboard", "sanctions-watch-dashboard-live", 50, List.of(),
				new Dashboard.LoginThrottling(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 20),
				new Dashboard.Store(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), true)));
	}

	/** Kafka topic names and their layout when the service creates them. */
	public record Topics(@NotBlank @DefaultValue("news.articles") String articles,
			@NotBlank @DefaultValue("sanctions.alerts") String alerts,
			@NotBlank @DefaultValue("news.articles.dlq") String deadLetter,
			@Min(1) @DefaultValue("6") int partitions, @Min(1) @DefaultValue("1") short replicas,
			@DefaultValue("true") boolean create) {
	}

	/** The input contract. */
	public record Articles(@Min(1) @DefaultValue("1048576") int maxBytes, @Min(1) @DefaultValue("256") int maxIdLength,
			@DefaultValue("en") String defaultLanguage) {

		/**
		 * The largest record the service writes: an over-size article must fit on the dead-letter topic unchanged,
		 * and an alert (bounded evidence around an article of at most {@code maxBytes}) must fit on the alert topic.
		 * The service sets the topics' {@code max.message.bytes} to it when it creates them.
		 */
		public int maxRecordBytes() {
			return (int) Math.min(Integer.MAX_VALUE, Math.max(2L * this.maxBytes, 1_048_588));
		}

	}

	/** Rule packs: the bundled ones, plus an optional directory that adds or overrides packs. */
	public record Rules(@Nullable String directory, @NotNull @DefaultValue("PT2S") Duration pollInterval,
			@DefaultValue("true") boolean bundled) {
	}

	/** Sanctions-list sources, each loaded from a path or URL and refreshed on a schedule. */
	public record Lists(@NotNull @DefaultValue("PT6H") Duration refreshInterval,
			@DefaultValue List<@Valid Source> sources) {

		public record Source(@NotBlank String id, @NotNull Format format, @NotBlank String location,
				@DefaultValue("false") boolean optional) {
		}

		public enum Format {

			/** OFAC legacy CSV: a directory or base URL holding {@code sdn.csv} and {@code alt.csv}. */
			OFAC_SDN_CSV,

			/** The UN Security Council consolidated list, XML. */
			UN_CONSOLIDATED_XML

		}

	}

	/** The alert contract: CloudEvents attributes stamped on every alert record. */
	public record Alerts(@NotNull @DefaultValue("urn:sanctions-watch:screening") URI source,
			@NotBlank @DefaultValue("org.sanctionswatch.alert.raised.v1") String type,
			@Max(1) @Min(0) @DefaultValue("0") double minScore) {
	}

	/**
	 * The operator dashboard: its alert store's consumer groups, the triage decision events, and who may log in.
	 * There is no default user: a deployment that names none has a dashboard nobody can log into.
	 *
	 * @param storeGroup shared by all replicas, so that each alert is stored by one of them
	 * @param liveGroupPrefix each replica adds a random suffix, so that every replica sees every alert live
	 */
	public record Dashboard(@NotBlank @DefaultValue("sanctions.alert-decisions") String decisionsTopic,
			@NotNull @DefaultValue("urn:sanctions-watch:dashboard") URI decisionSource,
			@NotBlank @DefaultValue("org.sanctionswatch.alert.triaged.v1") String decisionType,
			@NotBlank @DefaultValue("sanctions-watch-dashboard") String storeGroup,
			@NotBlank @DefaultValue("sanctions-watch-dashboard-live") String liveGroupPrefix,
			@Min(1) @Max(500) @DefaultValue("50") int pageSize, @DefaultValue List<@Valid User> users,
			@Valid @DefaultValue LoginThrottling loginThrottling, @Valid @DefaultValue Store store) {

		/**
		 * How the store consumer keeps up, and how the dashboard tells when it does not.
		 *
		 * @param checkInterval how often the store's lag is read from the broker
		 * @param behindAfter the store is reported behind once a record published this long ago is not yet stored
		 * @param maxRetryInterval the longest wait between two attempts to store a record while the database fails
		 * @param consume whether this replica feeds the store; {@code false} makes a screening-only replica, which
		 * leaves the store's share of the CPU to screening. At least one replica of the deployment must feed it.
		 */
		public record Store(@NotNull @DefaultValue("PT5S") Duration checkInterval,
				@NotNull @DefaultValue("PT15S") Duration behindAfter,
				@NotNull @DefaultValue("PT30S") Duration maxRetryInterval, @DefaultValue("true") boolean consume) {
		}

		/**
		 * A dashboard user. The password is a Spring Security encoded hash such as {@code {bcrypt}$2a$10$...};
		 * plain text is refused so that no readable password sits in a configuration file.
		 */
		public record User(@NotBlank String name,
				@NotBlank @Pattern(regexp = "\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)\\}.+",
						message = "must be an encoded hash such as {bcrypt}$2a$10$..., never plain text") String password,
				@NotEmpty List<@NotNull Role> roles) {
		}

		/**
		 * Failed log-ins slow guessing down: a user name with {@code maxFailures} failures within {@code window} is
		 * refused for {@code lockOut}, right password or not; so is a client address with
		 * {@code maxFailuresPerClient} (0: no per-client limit). The failures are kept in the database, so that
		 * every replica counts the same ones.
		 */
		public record LoginThrottling(@Min(1) @DefaultValue("5") int maxFailures,
				@NotNull @DefaultValue("PT15M") Duration window, @NotNull @DefaultValue("PT15M") Duration lockOut,
				@Min(0) @DefaultValue("20") int maxFailuresPerClient) {
		}

		/** VIEWER reads, ANALYST also triages, ADMIN also manages rules and lists. */
		public enum Role {

			VIEWER, ANALYST, ADMIN

		}

	}

}
