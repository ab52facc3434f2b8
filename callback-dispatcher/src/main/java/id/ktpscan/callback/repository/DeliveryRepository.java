package id.ktpscan.callback.repository;

import id.ktpscan.callback.Delivery;
import id.ktpscan.callback.EventType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Deliveries: recording new events, claiming due ones under a lease, the partner's log. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

  /** A delivery claimed for one attempt. */
  public record Claim(UUID eventId, String partnerId, EventType type, String body, int attempts) {}

  /**
   * Records an event once, already leased to the caller for its first attempt.
   *
   * @return false when the event was recorded before (a redelivered Kafka record)
   */
  public boolean insertLeased(
      UUID eventId,
      String partnerId,
      EventType type,
      String body,
      Instant occurredAt,
      Instant now,
      Instant leaseUntil) {
    return getEntityManager()
            .createNativeQuery(
                "INSERT INTO delivery (event_id, partner_id, event_type, body, status, attempts,"
                    + " next_attempt_at, lease_until, occurred_at, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?6, ?7, ?5, ?5)"
                    + " ON CONFLICT (event_id) DO NOTHING")
            .setParameter(1, eventId)
            .setParameter(2, partnerId)
            .setParameter(3, type.name())
            .setParameter(4, body)
            .setParameter(5, now)
            .setParameter(6, leaseUntil)
            .setParameter(7, occurredAt)
            .executeUpdate()
        == 1;
  }

  /**
   * Leases up to {@code limit} due deliveries, skipping partners that have no free slot. A lease
   * that ran out (its process died) makes a delivery due again.
   */
  public List<Claim> claimDue(int limit, Collection<String> busyPartners, Instant leaseUntil) {
    List<String> excluded = busyPartners.isEmpty() ? List.of("") : List.copyOf(busyPartners);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "UPDATE delivery d SET lease_until = ?1 FROM ("
                    + "SELECT event_id FROM delivery WHERE status = 'PENDING'"
                    + " AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())"
                    + " AND partner_id NOT IN (?2) ORDER BY next_attempt_at LIMIT ?3"
                    + " FOR UPDATE SKIP LOCKED) c WHERE d.event_id = c.event_id"
                    + " RETURNING d.event_id, d.partner_id, d.event_type, d.body, d.attempts")
            .setParameter(1, leaseUntil)
            .setParameter(2, excluded)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Claim(
                    (UUID) r[0],
                    (String) r[1],
                    EventType.valueOf((String) r[2]),
                    (String) r[3],
                    ((Number) r[4]).intValue()))
        .toList();
  }

  /**
   * Marks a pending delivery delivered.
   *
   * @return when its event occurred, or null when it was not pending (already recorded)
   */
  public Instant markDelivered(UUID eventId, int statusCode, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        getEntityManager()
            .createNativeQuery(
                "UPDATE delivery SET status = 'DELIVERED', attempts = attempts + 1,"
                    + " last_status_code = ?2, last_error = NULL, lease_until = NULL,"
                    + " next_attempt_at = NULL, delivered_at = ?3, updated_at = ?3"
                    + " WHERE event_id = ?1 AND status = 'PENDING' RETURNING occurred_at")
            .setParameter(1, eventId)
            .setParameter(2, statusCode)
            .setParameter(3, now)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object value = rows.get(0);
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }

  /** Gives a claimed delivery back untouched (no free slot to attempt it now). */
  public void releaseLease(UUID eventId) {
    getEntityManager()
        .createNativeQuery("UPDATE delivery SET lease_until = NULL WHERE event_id = ?1")
        .setParameter(1, eventId)
        .executeUpdate();
  }

  public List<Delivery> listForPartner(String partnerId, Delivery.Status status, int limit) {
    return status == null
        ? find("partnerId = ?1 order by createdAt desc", partnerId).page(0, limit).list()
        : find("partnerId = ?1 and status = ?2 order by createdAt desc", partnerId, status)
            .page(0, limit)
            .list();
  }
}
