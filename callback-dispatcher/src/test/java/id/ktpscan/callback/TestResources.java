package id.ktpscan.callback;

import id.ktpscan.contracts.testing.TokenGatewayProcess;
import io.quarkus.test.common.QuarkusTestResource;

/** Resources every test of this module gets: the real token-gateway, as a separate process. */
@QuarkusTestResource(TokenGatewayProcess.class)
public class TestResources {}
