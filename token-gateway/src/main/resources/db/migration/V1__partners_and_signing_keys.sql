-- Partner registry: the passkey is stored only as a slow salted hash.
CREATE TABLE partner (
    id                 VARCHAR(32)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    client_id          VARCHAR(64)  NOT NULL UNIQUE,
    passkey_hash       VARCHAR(200) NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at         TIMESTAMPTZ  NOT NULL,
    passkey_rotated_at TIMESTAMPTZ  NOT NULL,
    disabled_at        TIMESTAMPTZ
);

-- Token signing keys. The private JWK is AES-GCM encrypted under a key-encryption key that comes
-- from a Secret; the public JWK stays published until every token the key signed has expired.
CREATE TABLE signing_key (
    kid             VARCHAR(64) PRIMARY KEY,
    alg             VARCHAR(16) NOT NULL,
    public_jwk      TEXT        NOT NULL,
    private_jwk_enc TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    retired_at      TIMESTAMPTZ,
    publish_until   TIMESTAMPTZ
);

-- At most one key signs at a time.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key ((retired_at IS NULL)) WHERE retired_at IS NULL;
