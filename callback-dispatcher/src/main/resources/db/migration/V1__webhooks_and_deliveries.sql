-- One webhook endpoint per partner. Signing secrets are AES-GCM encrypted at rest; the previous
-- secret keeps signing beside the new one until previous_secret_until, so partners can roll over.
CREATE TABLE webhook_endpoint (
    partner_id            VARCHAR(32)   PRIMARY KEY,
    url                   VARCHAR(2048) NOT NULL,
    events                VARCHAR(200)  NOT NULL,
    status                VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    disabled_reason       VARCHAR(200),
    secret_enc            TEXT          NOT NULL,
    previous_secret_enc   TEXT,
    previous_secret_until TIMESTAMPTZ,
    secret_rotated_at     TIMESTAMPTZ   NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL
);

-- One webhook event for one partner. The body holds ids and a status only, never personal data.
-- A delivery being attempted holds a lease; a lease that runs out (the process died) makes the
-- delivery due again, so scheduling survives restarts.
CREATE TABLE delivery (
    event_id         UUID         PRIMARY KEY,
    partner_id       VARCHAR(32)  NOT NULL,
    event_type       VARCHAR(40)  NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    lease_until      TIMESTAMPTZ,
    last_status_code INT,
    last_error       VARCHAR(200),
    occurred_at      TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_partner ON delivery (partner_id, created_at DESC);

-- Every attempt, for the partner's delivery log.
CREATE TABLE delivery_attempt (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        UUID         NOT NULL REFERENCES delivery (event_id) ON DELETE CASCADE,
    attempt         INT          NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    status_code     INT,
    latency_ms      INT          NOT NULL,
    error           VARCHAR(200),
    next_attempt_at TIMESTAMPTZ
);
CREATE INDEX delivery_attempt_event ON delivery_attempt (event_id, attempt);
