-- Every change to what a predict request resolves to (an alias moved or removed, a version archived) notifies the
-- api replicas on channel ltv_serving_targets, so they drop their cached resolutions; the payload is the tenant id.

CREATE FUNCTION notify_serving_targets() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('ltv_serving_targets', COALESCE(NEW.tenant_id, OLD.tenant_id)::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER model_aliases_notify AFTER INSERT OR UPDATE OR DELETE ON model_aliases
    FOR EACH ROW EXECUTE FUNCTION notify_serving_targets();
CREATE TRIGGER model_versions_notify AFTER UPDATE OF status OR DELETE ON model_versions
    FOR EACH ROW EXECUTE FUNCTION notify_serving_targets();
CREATE TRIGGER models_notify AFTER UPDATE OF name OR DELETE ON models
    FOR EACH ROW EXECUTE FUNCTION notify_serving_targets();
