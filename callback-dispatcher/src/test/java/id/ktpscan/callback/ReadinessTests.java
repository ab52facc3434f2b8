package id.ktpscan.callback;

import id.ktpscan.contracts.testing.PrivateRedis;
import id.ktpscan.contracts.testing.RedisReadinessContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * callback-dispatcher without its Redis reports DOWN on readiness and recovers when Redis returns.
 */
@QuarkusTest
@TestProfile(ReadinessTests.OwnRedis.class)
@QuarkusTestResource(value = PrivateRedis.class, restrictToAnnotatedClass = true)
class ReadinessTests extends RedisReadinessContract {

  /** A profile of its own, so the private Redis does not leak into other test classes. */
  public static class OwnRedis implements QuarkusTestProfile {}
}
