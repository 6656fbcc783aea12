-- Failed log-ins, in the database because every replica must count the same ones: a guesser whose attempts a
-- load balancer spreads over the replicas is refused as soon as one without it. Rows are only inserted, and
-- deleted once they are older than any window they could count in, or when their user name logs in.
CREATE TABLE login_failure (
	-- the user name as typed, lower-cased, whether or not such a user exists
	account VARCHAR(200) NOT NULL,
	-- the client's address (behind a proxy, the one it forwarded)
	client VARCHAR(64) NOT NULL,
	failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX login_failure_by_account ON login_failure (account, failed_at);
CREATE INDEX login_failure_by_client ON login_failure (client, failed_at);
CREATE INDEX login_failure_by_time ON login_failure (failed_at);
