package hk.esgone.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.problem.ProblemResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for requests refused before any controller or filter runs. Reactor Netty answers a request
 * its HTTP decoder cannot read (a request line over the limit: 414; headers over the limit: 431; a malformed
 * header or request line: 400) with an empty body, and Spring answers a URI that is not a valid URI (bad
 * percent-encoding such as {@code q=%ZZ}) with an empty 400. This handler, one per connection right after
 * the HTTP codec, gives those answers an {@code application/problem+json} body with a stable {@code type}:
 * {@code uri-too-long}, {@code header-fields-too-large}, {@code malformed-request} and {@code malformed-uri}.
 * Where the application has {@link RefusedRequestPages} (the gateway), a browser asking for a page at a malformed
 * URI gets that page instead (the other refusals come before the request's headers could be read).
 */
public final class DecodingProblems extends ChannelDuplexHandler {

    static final String HANDLER_NAME = "esg.decodingProblems";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RefusedRequestPages pages;
    private Throwable decodingFailure;
    private boolean discarding;

    private DecodingProblems(RefusedRequestPages pages) {
        this.pages = pages;
    }

    /** Installs the handler on every HTTP/1.1 connection of {@code server}: problem details only. */
    public static HttpServer install(HttpServer server) {
        return install(server, null);
    }

    /** Installs the handler on every HTTP/1.1 connection of {@code server}, with pages for browsers if not null. */
    public static HttpServer install(HttpServer server, RefusedRequestPages pages) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new DecodingProblems(pages));
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (discarding) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                decodingFailure = request.decoderResult().cause();
            } else if (!isValidUri(request.uri())) {
                // refused here: Spring would answer an empty 400 (its URI parsing fails before any filter runs)
                discarding = !(msg instanceof LastHttpContent);
                FullHttpResponse response = pageFor(request, HttpResponseStatus.BAD_REQUEST, "malformed-uri");
                ReferenceCountUtil.release(msg);
                if (response == null) {
                    response = problem(HttpResponseStatus.BAD_REQUEST, "malformed-uri", "Malformed URI",
                            "The request URI is not valid: check its percent-encoding (a % must be followed by two hex digits).");
                }
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (decodingFailure != null && msg instanceof FullHttpResponse response && response.status().code() >= 400
                && response.content().readableBytes() == 0) {
            Throwable cause = decodingFailure;
            decodingFailure = null;
            FullHttpResponse withBody = forDecodingFailure(response.status(), cause);
            response.headers().forEach(header -> {
                if (!withBody.headers().contains(header.getKey())) {
                    withBody.headers().add(header.getKey(), header.getValue());
                }
            });
            ReferenceCountUtil.release(response);
            ctx.write(withBody, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    /** The application's page for a browser, or null (no pages here, not a page request, or the page failed). */
    private FullHttpResponse pageFor(HttpRequest request, HttpResponseStatus status, String kind) {
        if (pages == null) {
            return null;
        }
        HttpHeaders requestHeaders = new HttpHeaders();
        request.headers().forEach(header -> requestHeaders.add(header.getKey(), header.getValue()));
        String uri = request.uri();
        int query = uri.indexOf('?');
        RefusedRequestPages.Page page;
        try {
            page = pages.page(status.code(), kind, query < 0 ? uri : uri.substring(0, query), requestHeaders);
        } catch (RuntimeException failed) {
            return null; // the problem is still a clear answer
        }
        if (page == null) {
            return null;
        }
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        page.headers().forEach((name, values) -> response.headers().add(name, values));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8")
                .set(HttpHeaderNames.CONTENT_LANGUAGE, page.language().toLanguageTag())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    private static FullHttpResponse forDecodingFailure(HttpResponseStatus status, Throwable cause) {
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof TooLongHttpLineException || status.code() == 414) {
            return problem(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "URI too long",
                    "The request URI is longer than this server accepts.");
        }
        if (root instanceof TooLongHttpHeaderException || status.code() == 431) {
            return problem(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header-fields-too-large",
                    "Request header fields too large", "The request's headers are larger than this server accepts.");
        }
        return problem(status.code() == 413 ? status : HttpResponseStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request line or a header is not valid HTTP.");
    }

    static boolean isValidUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException ex) {
            return false;
        }
    }

    private static FullHttpResponse problem(HttpResponseStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ApiProblem.body(HttpStatus.valueOf(status.code()), kind, title, detail);
        byte[] body = JSON.writeValueAsBytes(ProblemResponses.asMap(problem));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
