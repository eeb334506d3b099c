package hk.esgone.badge.credential;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;

import hk.esgone.badge.keys.SigningKeyRing;
import tools.jackson.databind.json.JsonMapper;

/** Signs credentials with the issuer's active key, as compact JWS ({@code vc+jwt}). */
@Component
public class CredentialSigner {

    public record Signed(String jwt, String kid) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SigningKeyRing keyRing;

    public CredentialSigner(SigningKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public String activeKid() {
        return keyRing.activeKey().getKeyID();
    }

    public Signed sign(Map<String, Object> credential) {
        JWK key = keyRing.activeKey();
        JWSHeader header = new JWSHeader.Builder(SigningKeyRing.algorithm(key))
                .keyID(key.getKeyID())
                .type(new JOSEObjectType(CredentialFormat.JWT_TYPE))
                .contentType(CredentialFormat.CONTENT_TYPE)
                .build();
        JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(credential)));
        try {
            jws.sign(SigningKeyRing.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with " + key.getKeyID() + " failed", e);
        }
        return new Signed(jws.serialize(), key.getKeyID());
    }
}
