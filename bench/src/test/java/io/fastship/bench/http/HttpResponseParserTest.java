package io.fastship.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private static HttpResponseParser.Response parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return HttpResponseParser.parse(bytes, bytes.length);
    }

    @Test
    void shouldReadABodyByContentLength() {
        HttpResponseParser.Response response = parse("HTTP/1.1 202 Accepted\r\nContent-Length: 5\r\n\r\nhello");

        assertThat(response.status()).isEqualTo(202);
        assertThat(new String(response.body())).isEqualTo("hello");
        assertThat(response.keepAlive()).isTrue();
        assertThat(response.length()).isEqualTo(49);
    }

    @Test
    void shouldWaitForTheRestOfTheHeadAndBody() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Len")).isNull();
        assertThat(parse("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nhalf")).isNull();
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")).isNull();
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n")).isNull();
    }

    @Test
    void shouldJoinChunks() {
        HttpResponseParser.Response response = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");

        assertThat(new String(response.body())).isEqualTo("hello, world");
    }

    @Test
    void shouldSkipTrailers() {
        HttpResponseParser.Response response = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\n");

        assertThat(new String(response.body())).isEqualTo("ok");
    }

    @Test
    void shouldHonourConnectionCloseAndHttp10() {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n").body()).isEmpty();
    }

    @Test
    void shouldRejectWhatItCannotFrame() {
        assertThatThrownBy(() -> parse("SSH-2.0-OpenSSH\r\n\r\n")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\n\r\nbody until close"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldPickAStringFieldOutOfSmallJson() {
        byte[] body = "{\"status\":\"PENDING\", \"orderId\" : \"ord-42\",\"x\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(Requests.jsonString(body, "orderId")).isEqualTo("ord-42");
        assertThat(Requests.jsonString(body, "missing")).isNull();
        assertThat(Requests.jsonString("{\"orderId\":7}".getBytes(StandardCharsets.UTF_8), "orderId")).isNull();
    }

    @Test
    void shouldBuildAPostWithItsLengthAndHeaders() {
        String request = new String(Requests.postJson("127.0.0.1:80", "/orders", java.util.Map.of("X-API-Key", "k"),
                "{\"a\":\"é\"}"), StandardCharsets.UTF_8);

        assertThat(request).startsWith("POST /orders HTTP/1.1\r\nHost: 127.0.0.1:80\r\n")
                .contains("Content-Length: 10\r\n").contains("X-API-Key: k\r\n").endsWith("\r\n\r\n{\"a\":\"é\"}");
    }
}
