package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SasTokenTest {

    private static String encodedSignature() {
        return URLEncoder.encode(RandomKeys.base64(32), StandardCharsets.UTF_8);
    }

    @Test
    void storageSas_signedWithAccountKey() {
        String sig = encodedSignature();
        String text = "url = \"https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r"
                + "&se=2030-01-01T00:00:00Z&spr=https&sig=" + sig + "\"";
        int sigOffset = text.indexOf("sig=");

        var token = SasToken.at(text, sigOffset);

        assertThat(token).isPresent();
        assertThat(token.get().kind()).isEqualTo(SasToken.Kind.STORAGE_KEY_SIGNED);
        assertThat(token.get().signatureOffset()).isEqualTo(sigOffset + 4);
        assertThat(token.get().signature().equals(sig)).isTrue();
        assertThat(token.get().param("sv")).isEqualTo("2022-11-02");
        assertThat(token.get().param("sp")).isEqualTo("r");
        assertThat(token.get().param("skoid")).isEmpty();
        assertThat(token.get().hasRealSignature()).isTrue();
    }

    @Test
    void storageSas_signedWithUserDelegationKey() {
        String text = "?sv=2022-11-02&sr=b&sp=r&skoid=11111111-2222-3333-4444-555555555555"
                + "&sktid=66666666-7777-8888-9999-000000000000&skt=2024-01-01T00:00:00Z&ske=2024-01-02T00:00:00Z"
                + "&sks=b&skv=2022-11-02&se=2024-01-02T00:00:00Z&sig=" + encodedSignature();

        var token = SasToken.at(text, text.indexOf("sig="));

        assertThat(token).isPresent();
        assertThat(token.get().kind()).isEqualTo(SasToken.Kind.STORAGE_USER_DELEGATION);
    }

    @Test
    void messagingToken_isMessaging() {
        String sig = encodedSignature();
        String text = "token: SharedAccessSignature sr=https%3A%2F%2Fns.servicebus.windows.net%2Fq&sig=" + sig
                + "&se=1893456000&skn=RootManageSharedAccessKey\n";
        int sigOffset = text.indexOf("sig=");

        var token = SasToken.at(text, sigOffset);

        assertThat(token).isPresent();
        assertThat(token.get().kind()).isEqualTo(SasToken.Kind.MESSAGING);
        assertThat(token.get().signatureOffset()).isEqualTo(sigOffset + 4);
        assertThat(token.get().param("skn")).isEqualTo("RootManageSharedAccessKey");
        assertThat(token.get().param("se")).isEqualTo("1893456000");
        assertThat(token.get().hasRealSignature()).isTrue();
    }

    @Test
    void paramNames_ignoreCase() {
        String text = "?SV=2022-11-02&SIG=" + encodedSignature();

        var token = SasToken.at(text, text.indexOf("SIG="));

        assertThat(token).isPresent();
        assertThat(token.get().kind()).isEqualTo(SasToken.Kind.STORAGE_KEY_SIGNED);
        assertThat(token.get().param("sv")).isEqualTo("2022-11-02");
    }

    @Test
    void paramOrder_doesNotMatter() {
        String text = "?sig=" + encodedSignature() + "&se=2030-01-01&sv=2022-11-02";

        var token = SasToken.at(text, text.indexOf("sig="));

        assertThat(token).isPresent();
        assertThat(token.get().kind()).isEqualTo(SasToken.Kind.STORAGE_KEY_SIGNED);
        assertThat(token.get().signatureOffset()).isEqualTo(5);
    }

    @Test
    void withoutKnownParams_isOther() {
        var token = SasToken.at("?a=b&sig=abc", 5);

        assertThat(token).isPresent();
        assertThat(token.get().kind()).isEqualTo(SasToken.Kind.OTHER);
    }

    @RepeatedTest(10)
    void urlEncodedBase64OfRandomBytes_isRealSignature() {
        String text = "?sv=2022-11-02&sig=" + encodedSignature();

        assertThat(SasToken.at(text, text.indexOf("sig=")).orElseThrow().hasRealSignature()).isTrue();
    }

    @Test
    void rawBase64Signature_isRealSignature() {
        String text = "?sv=2022-11-02&sig=" + RandomKeys.base64(32);

        assertThat(SasToken.at(text, text.indexOf("sig=")).orElseThrow().hasRealSignature()).isTrue();
    }

    @Test
    void fillerSignature_isNotRealSignature() {
        String text = "?sv=2022-11-02&sig=xxx";

        var token = SasToken.at(text, text.indexOf("sig="));

        assertThat(token).isPresent();
        assertThat(token.get().signature()).isEqualTo("xxx");
        assertThat(token.get().hasRealSignature()).isFalse();
    }

    @Test
    void emptySignature_isNoToken() {
        assertThat(SasToken.at("?sv=2022-11-02&sig=", 15)).isEmpty();
        assertThat(SasToken.at("?sv=2022-11-02&sig=&se=1", 15)).isEmpty();
    }

    @Test
    void sigInsideLongerName_isNoToken() {
        String text = "?sv=2022-11-02&xsig=abc";

        assertThat(SasToken.at(text, text.indexOf("sig="))).isEmpty();
    }
}
