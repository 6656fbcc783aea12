package org.sanctionswatch.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The chart under helm/sanctions-watch rendered by Helm itself (helm-java), as Kubernetes objects. */
final class RenderedChart {

	static final Path CHART = Path.of("helm/sanctions-watch");

	static final Path VALUES = Path.of("src/test/resources/deploy");

	static final String RELEASE = "screening";

	static final String KUBERNETES = "1.31.0";

	private final List<Map<String, Object>> objects;

	private RenderedChart(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	/** Renders with the chart's defaults plus the given values files from src/test/resources/deploy. */
	static RenderedChart render(String... valuesFiles) {
		return render(UnaryOperator.identity(), valuesFiles);
	}

	static RenderedChart render(UnaryOperator<TemplateCommand> options, String... valuesFiles) {
		TemplateCommand template = new Helm(CHART).template()
			.withName(RELEASE)
			.withNamespace("screening")
			.withKubeVersion(KUBERNETES);
		for (String file : valuesFiles) {
			template = template.withValuesFile(VALUES.resolve(file));
		}
		String manifest = options.apply(template).call();
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml(new LoaderOptions()).loadAll(manifest)) {
			if (document != null) {
				objects.add(map(document));
			}
		}
		return new RenderedChart(objects);
	}

	List<Map<String, Object>> objects() {
		return this.objects;
	}

	Optional<Map<String, Object>> find(String kind) {
		List<Map<String, Object>> found = this.objects.stream().filter((o) -> kind.equals(o.get("kind"))).toList();
		if (found.size() > 1) {
			throw new IllegalStateException("more than one " + kind);
		}
		return found.stream().findFirst();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return this.objects.stream()
			.filter((o) -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata", "name")))
			.findFirst();
	}

	Map<String, Object> get(String kind) {
		return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
	}

	Map<String, Object> container() {
		List<Object> containers = list(at(get("Deployment"), "spec", "template", "spec", "containers"));
		return map(containers.get(0));
	}

	/**
	 * The container's environment as the kubelet would build it: the ConfigMaps of envFrom first, then env, with
	 * secretKeyRef values taken from the given secrets (name/key) and $(VAR) references expanded.
	 */
	Map<String, String> environment(Map<String, String> secrets) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Object source : list(container().getOrDefault("envFrom", List.of()))) {
			Object configMap = map(source).get("configMapRef");
			if (configMap != null) {
				find("ConfigMap", (String) map(configMap).get("name"))
					.ifPresent((cm) -> map(cm.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v))));
			}
		}
		for (Object item : list(container().getOrDefault("env", List.of()))) {
			Map<String, Object> variable = map(item);
			String name = (String) variable.get("name");
			if (variable.containsKey("value")) {
				String value = String.valueOf(variable.get("value"));
				for (Map.Entry<String, String> defined : env.entrySet()) {
					value = value.replace("$(" + defined.getKey() + ")", defined.getValue());
				}
				env.put(name, value);
			}
			else {
				Map<String, Object> ref = map(at(variable, "valueFrom", "secretKeyRef"));
				String secretKey = ref.get("name") + "/" + ref.get("key");
				String value = secrets.get(secretKey);
				if (value == null) {
					throw new AssertionError("no test value for secret " + secretKey);
				}
				env.put(name, value);
			}
		}
		return env;
	}

	static Object at(Object root, String... path) {
		Object current = root;
		for (String key : path) {
			if (current == null) {
				return null;
			}
			current = map(current).get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (List<Object>) value;
	}

}
