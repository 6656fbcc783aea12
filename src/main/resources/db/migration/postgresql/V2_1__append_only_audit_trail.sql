-- The audit trail is never rewritten: the database refuses to change or delete a recorded decision, whatever
-- code or person asks. (H2, the embedded development store, has no such trigger.)
CREATE FUNCTION alert_decision_is_append_only() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'alert_decision is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER alert_decision_append_only BEFORE UPDATE OR DELETE ON alert_decision
	FOR EACH ROW EXECUTE FUNCTION alert_decision_is_append_only();
