package hk.esgone.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The links to the portal's own stylesheet and script, each with a fingerprint of its content
 * ({@code /assets/site.css?v=3f2a9c01b7}): browsers keep the files a day, and a release that changes one changes its
 * link, so nobody gets new pages with yesterday's styles or script. Templates use {@code ${#assets.url('site.css')}}
 * (this is also the Thymeleaf dialect that offers {@code #assets}).
 */
@Component
public class AssetLinks extends AbstractDialect implements IExpressionObjectDialect {

    static final List<String> FILES = List.of("site.css", "site.js");

    private final Map<String, String> links = new LinkedHashMap<>();

    public AssetLinks() {
        super("assets");
        for (String file : FILES) {
            links.put(file, "/assets/" + file + "?v=" + fingerprint(new ClassPathResource("static/assets/" + file)));
        }
    }

    /** The link to {@code file} in {@code static/assets/}, fingerprinted; an unknown file is a template's mistake. */
    public String url(String file) {
        String link = links.get(file);
        if (link == null) {
            throw new IllegalArgumentException("no asset " + file + "; known: " + FILES);
        }
        return link;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("assets");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return AssetLinks.this;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    static String fingerprint(ClassPathResource file) {
        try (InputStream in = file.getInputStream()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getPath(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
