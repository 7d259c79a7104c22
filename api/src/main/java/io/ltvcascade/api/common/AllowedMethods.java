package io.ltvcascade.api.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each path of the api answers, read once from the JAX-RS annotations of its resource classes: a 405
 * lists them in its {@code Allow} header (RFC 9110, 15.5.6), which RESTEasy Reactive leaves out.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private final List<Route> routes = new ArrayList<>();

    AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root != null) {
                for (Method method : bean.getBeanClass().getMethods()) {
                    httpMethod(method).ifPresent(verb -> routes.add(new Route(pattern(root, method), verb)));
                }
            }
        }
    }

    /** The methods {@code path} answers, comma-separated (HEAD wherever GET), or empty when no resource has it. */
    public Optional<String> of(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        return allowed.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", allowed));
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    /** The resource's path and the method's, each path parameter matching one segment. */
    private static Pattern pattern(Path root, Method method) {
        Path sub = method.getAnnotation(Path.class);
        String template = (root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        template = template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int literal = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(literal, parameter.start()))).append("[^/]+");
            literal = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(literal))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private record Route(Pattern path, String method) {}
}
