-- A scan flow: one partner user, one correlation id, a bounded number of photo attempts.
CREATE TABLE flow (
    id                    UUID         PRIMARY KEY,
    partner_id            VARCHAR(32)  NOT NULL,
    correlation_id        VARCHAR(128) NOT NULL,
    -- The partner's user id may be a phone number or an e-mail: AES-GCM encrypted, never in clear.
    partner_user_enc      TEXT         NOT NULL,
    partner_user_id_type  VARCHAR(32)  NOT NULL,
    flow_type             VARCHAR(16)  NOT NULL,
    max_attempts          INT          NOT NULL CHECK (max_attempts BETWEEN 1 AND 10),
    attempts_used         INT          NOT NULL DEFAULT 0,
    status                VARCHAR(16)  NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    CONSTRAINT flow_correlation_unique UNIQUE (partner_id, correlation_id)
);

-- One uploaded photo. The image itself never lands here: it travels encrypted in the outbox row.
CREATE TABLE submission (
    id                  UUID         PRIMARY KEY,
    flow_id             UUID         NOT NULL REFERENCES flow (id),
    attempt             INT          NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    reasons             VARCHAR(200),
    image_content_type  VARCHAR(32)  NOT NULL,
    image_bytes         INT          NOT NULL,
    image_width         INT          NOT NULL,
    image_height        INT          NOT NULL,
    -- ScanResult JSON, AES-GCM encrypted under the at-rest key ring (the submission id as AAD).
    result_enc          TEXT,
    result_event_id     UUID,
    created_at          TIMESTAMPTZ  NOT NULL,
    processed_at        TIMESTAMPTZ,
    result_purged_at    TIMESTAMPTZ,
    CONSTRAINT submission_attempt_unique UNIQUE (flow_id, attempt)
);
CREATE INDEX submission_flow ON submission (flow_id);

-- Transactional outbox: written with the submission, published by the relay, purged by retention.
CREATE TABLE outbox (
    id           BIGSERIAL    PRIMARY KEY,
    aggregate_id UUID         NOT NULL,
    topic        VARCHAR(100) NOT NULL,
    message_key  VARCHAR(100) NOT NULL,
    payload      BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    sent_at      TIMESTAMPTZ,
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(200)
);
-- Encrypted images do not compress; skip TOAST compression work.
ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTERNAL;
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Replays of a submission with the same Idempotency-Key get the first answer back.
CREATE TABLE idempotency_record (
    flow_id         UUID         NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    response_status INT          NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (flow_id, idempotency_key)
);
CREATE INDEX idempotency_created ON idempotency_record (created_at);
