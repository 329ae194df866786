package casebook.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

class HeaderCharactersTest {

    /** Spring Security's own patterns (StrictServerWebExchangeFirewall, 6.5), the rule this class must keep. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void decidesEveryCodePointAsSpringSecuritysPatternsDo() {
        int allowedNames = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String s = new StringBuilder("a").appendCodePoint(c).append('b').toString();
            assertThat(HeaderCharacters.allowedName(s)).as("name with U+%04X", c).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.allowedValue(s)).as("value with U+%04X", c).isEqualTo(VALUES.matcher(s).matches());
            allowedNames += HeaderCharacters.allowedName(s) ? 1 : 0;
        }
        // Both outcomes occur: the comparison above is not of two rules that allow everything.
        assertThat(allowedNames).isBetween(100_000, Character.MAX_CODE_POINT);
    }

    @Test
    void decidesSurrogatesTabsAndEmptyValuesAsSpringSecuritysPatternsDo() {
        for (String s : new String[] {"", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "九州厚生局", "a\tb", "\ud83d\ude00",
                "x\ud83dy", "x\ude00", "a\u0000", "\u007f", "\u0085", "a\u2028b", "\uffff"}) {
            assertThat(HeaderCharacters.allowedName(s)).as("name %s", s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.allowedValue(s)).as("value %s", s).isEqualTo(VALUES.matcher(s).matches());
        }
        assertThat(HeaderCharacters.allowedValue(null)).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
    }

    @Test
    void theFirewallRefusesAHeaderValueWithAControlCharacterWhenItIsRead() {
        ServerWebExchange exchange = HeaderCharacters.firewall().getFirewalledExchange(MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/grant-cases").header("X-Note", "ok\u0007").header("X-Fine", "九州"))).block();

        assertThat(exchange.getRequest().getHeaders().getFirst("X-Fine")).isEqualTo("九州");
        assertThatThrownBy(() -> exchange.getRequest().getHeaders().getFirst("X-Note"))
                .isInstanceOf(ServerExchangeRejectedException.class);
    }
}
