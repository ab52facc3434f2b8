-- Tokens are signed with RS256 from this version on (decision 0006). Keys of the earlier ES256
-- builds are retired at once; the service creates an RS256 key at start when none is active.
UPDATE signing_key SET retired_at = now(), publish_until = now() WHERE alg <> 'RS256' AND retired_at IS NULL;
