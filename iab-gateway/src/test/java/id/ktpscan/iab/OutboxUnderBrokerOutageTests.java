package id.ktpscan.iab;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.ktpscan.contracts.Topics;
import id.ktpscan.contracts.events.SubmissionCreated;
import id.ktpscan.contracts.testing.PrivateKafka;
import id.ktpscan.contracts.testing.TestImages;
import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox across a broker outage: submissions accepted while the broker is stopped
 * are published once it is back, each exactly once.
 */
@QuarkusTest
@TestProfile(OutboxUnderBrokerOutageTests.OwnBroker.class)
@QuarkusTestResource(value = PrivateKafka.class, restrictToAnnotatedClass = true)
class OutboxUnderBrokerOutageTests {

  /** A profile of its own, so the private broker does not leak into other test classes. */
  public static class OwnBroker implements QuarkusTestProfile {}

  private static final int SUBMISSIONS = 8;

  @Inject EntityManager em;

  @Test
  void everySubmissionAcceptedDuringTheOutageIsPublishedExactlyOnce() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", PrivateKafka.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.SUBMISSIONS, 1, (short) 1)
                      .configs(Map.of("max.message.bytes", "16777216")),
                  new NewTopic(Topics.RESULTS, 1, (short) 1)))
          .all()
          .get();
    }
    String partnerToken = TokenGatewayProcess.newPartnerToken();
    byte[] jpeg = TestImages.jpeg(1024, 700, 11);
    IabApi.SubmissionsTail tail = new IabApi.SubmissionsTail(PrivateKafka.bootstrapServers());

    PrivateKafka.stopBroker();
    Set<UUID> accepted = new HashSet<>();
    try {
      for (int i = 0; i < SUBMISSIONS; i++) {
        IabApi.StartedFlow flow = IabApi.startFlow(partnerToken, 3);
        accepted.add(
            UUID.fromString(
                IabApi.submit(flow.userToken(), jpeg, "card.jpg")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("submissionId")));
      }
      assertThat(unsent(accepted)).isEqualTo(SUBMISSIONS);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  given()
                      .get("/q/health/ready")
                      .then()
                      .statusCode(503)
                      .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN")));
      // Still nothing published: the rows wait in the outbox.
      assertThat(unsent(accepted)).isEqualTo(SUBMISSIONS);
    } finally {
      PrivateKafka.startBroker();
    }

    Map<UUID, List<SubmissionCreated>> published;
    try (tail) {
      published = tail.await(accepted, Duration.ofSeconds(90));
    }
    assertThat(published.keySet()).isEqualTo(accepted);
    published.forEach((id, events) -> assertThat(events).as("events for %s", id).hasSize(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> unsent(accepted) == 0);
  }

  private long unsent(Set<UUID> submissions) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND aggregate_id IN (?1)")
                            .setParameter(1, submissions)
                            .getSingleResult())
                    .longValue());
  }
}
