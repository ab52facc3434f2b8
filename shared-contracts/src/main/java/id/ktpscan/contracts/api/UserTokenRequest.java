package id.ktpscan.contracts.api;

/**
 * iab-gateway's request to token-gateway for a user token bound to one flow.
 *
 * @param partnerId the partner that started the flow (from its verified partner token)
 * @param flowId the flow the token may submit to
 * @param correlationId the partner's reference of the flow
 * @param ttlSeconds requested lifetime; null for the default, capped at the configured maximum
 */
public record UserTokenRequest(
    String partnerId, String flowId, String correlationId, Long ttlSeconds) {}
