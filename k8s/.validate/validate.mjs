// Strict, offline validation of rendered kustomize output (called by ../validate, which renders).
//
//   node validate.mjs [--selftest=NAME] NAME=rendered.yaml ...
//   node validate.mjs --write-realm-import
//
// 1. Schemas. Every document is validated against the Kubernetes OpenAPI schemas compiled into the npm
//    package `kubernetes-models` (and @kubernetes-models/external-secrets, /cert-manager for those
//    CRDs): wrong types, missing required fields and bad enum values fail. Those schemas do not forbid
//    unknown fields, so the validators run on a Proxy that records which properties each schema
//    looks at: a field of an object that its schema never read is an unknown field and fails too
//    (objects whose schema enumerates its keys -- maps such as labels -- are left alone). The
//    self-test proves on every run that typos and wrong types are caught.
// 2. Custom resources without a schema package (ECK Elasticsearch, Keycloak, KeycloakRealmImport,
//    MongoDBCommunity, CloudNativePG Cluster): apiVersion/kind, required fields, the known top-level
//    spec fields, and the embedded Kubernetes objects (pod templates, PVC templates, resources)
//    strictly against their core schemas.
// 3. Rules: the container security rules listed in k8s/README.md ("Rules") for every pod template, the
//    application-specific ones (actuator probes, graceful shutdown, JVM flags), no Secret objects,
//    no secret-looking literal values, and cross-references (every Secret, ConfigMap, Service
//    selector, HPA and PDB target resolves inside the rendered output).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { runValidateFunc } from "@kubernetes-models/validate";
import { IMPORT_FILE, buildRealmImport, realmImportYaml } from "./realm-import.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(here, "..", "..");

const OWN_IMAGE_PREFIX = "ghcr.io/esg-one/";
const APP_USER = 10001;
const SPRING_SHUTDOWN_SECONDS = 20;
const MAX_APP_MEMORY = parseQuantity("512Mi");
const SECRET_NAME_RE = /(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|SIGNING_JWKS|API_KEY)/i;
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);
const PLACEHOLDER_HOST = "change-me.invalid";

// ---------------------------------------------------------------------------------------------------
// Schemas

const schemaModules = new Map();

function schemaModuleFor(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "" || !group.includes(".") || group.endsWith(".k8s.io")) {
    return group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
  }
  if (group === "external-secrets.io") return `@kubernetes-models/external-secrets/${group}/${version}`;
  if (group === "cert-manager.io") return `@kubernetes-models/cert-manager/${group}/${version}`;
  return null;
}

async function modelClass(apiVersion, kind) {
  const spec = schemaModuleFor(apiVersion);
  if (!spec) return null;
  if (!schemaModules.has(spec)) {
    schemaModules.set(spec, await import(spec).catch(() => null));
  }
  const mod = schemaModules.get(spec);
  const cls = mod?.[kind];
  return typeof cls?.prototype?.validate === "function" && cls.apiVersion === apiVersion ? cls : null;
}

async function rawSchema(name) {
  const mod = await import(`kubernetes-models/_schemas/${name}`);
  return mod.validate;
}

// Wraps `value` so that every property a validator reads is recorded per object.
function track(value, pointer, nodes) {
  if (value === null || typeof value !== "object") return value;
  const node = { pointer, value, read: new Set(), enumerated: false };
  nodes.push(node);
  const children = new Map();
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === "string") node.read.add(key);
      const v = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || v === null || typeof v !== "object") return v;
      if (!children.has(key)) children.set(key, track(v, `${pointer}/${key}`, nodes));
      return children.get(key);
    },
    has(target, key) {
      if (typeof key === "string") node.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      node.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function describeSchemaError(err) {
  let message = err.message ?? err.keyword;
  if (err.params?.allowedValues) message += ` (${err.params.allowedValues.join(", ")})`;
  return `${err.instancePath || "/"} ${message}`;
}

// Runs a validator strictly on `data`; returns error strings prefixed with `where`. `invoke` throws
// ajv's ValidationError (messages localized by @kubernetes-models/validate) when the schema refuses.
function strict(invoke, data, where) {
  const nodes = [];
  const proxy = track(data, "", nodes);
  const errors = [];
  try {
    invoke(proxy);
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    for (const err of e.errors) errors.push(`${where}${describeSchemaError(err)}`);
  }
  for (const node of nodes) {
    if (Array.isArray(node.value) || node.enumerated || node.read.size === 0) continue;
    for (const key of Object.keys(node.value)) {
      if (!node.read.has(key)) errors.push(`${where}${node.pointer}/${key} unknown field`);
    }
  }
  return errors;
}

// A Model class validates `this`; a compiled schema function validates its argument.
const modelValidator = (cls) => (data) => cls.prototype.validate.call(data);
const schemaValidator = (fn) => (data) => runValidateFunc(fn, data);

// ---------------------------------------------------------------------------------------------------
// Custom resources without a schema package: minimal structural checks (said so in k8s/README.md).

const get = (obj, dotted) => dotted.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);

const CUSTOM_RESOURCES = {
  "elasticsearch.k8s.elastic.co/v1 Elasticsearch": {
    required: ["spec.version", "spec.nodeSets"],
    specKeys: ["version", "image", "http", "transport", "nodeSets", "auth", "updateStrategy", "podDisruptionBudget",
      "secureSettings", "serviceAccountName", "remoteClusters", "remoteClusterServer", "volumeClaimDeletePolicy",
      "monitoring", "revisionHistoryLimit"],
    async embedded(doc) {
      const out = [];
      (doc.spec.nodeSets ?? []).forEach((set, i) => {
        const at = `/spec/nodeSets/${i}`;
        const unknown = Object.keys(set).filter((k) => !["name", "count", "config", "podTemplate", "volumeClaimTemplates", "zoneAwareness"].includes(k));
        unknown.forEach((k) => out.push({ error: `${at}/${k} unknown field` }));
        if (typeof set.name !== "string") out.push({ error: `${at}/name must be a string` });
        if (!Number.isInteger(set.count) || set.count < 1) out.push({ error: `${at}/count must be an integer >= 1` });
        if (set.podTemplate) out.push({ schema: "IoK8sApiCoreV1PodTemplateSpec", data: set.podTemplate, at: `${at}/podTemplate`, podTemplate: true });
        (set.volumeClaimTemplates ?? []).forEach((pvc, j) => out.push(...pvcTemplate(pvc, `${at}/volumeClaimTemplates/${j}`)));
      });
      return out;
    },
  },
  "k8s.keycloak.org/v2alpha1 Keycloak": {
    required: ["spec.db", "spec.hostname.hostname"],
    specKeys: ["instances", "image", "imagePullSecrets", "db", "http", "httpManagement", "hostname", "features",
      "transaction", "ingress", "networkPolicy", "unsupported", "additionalOptions", "proxy", "resources",
      "startOptimized", "bootstrapAdmin", "cache", "truststores", "scheduling", "tracing", "update", "env",
      "readinessProbe", "livenessProbe", "startupProbe", "serviceMonitor", "automountServiceAccountToken", "admin"],
    async embedded(doc) {
      const out = [];
      if (doc.spec.resources) out.push({ schema: "IoK8sApiCoreV1ResourceRequirements", data: doc.spec.resources, at: "/spec/resources" });
      if (doc.spec.unsupported?.podTemplate) {
        out.push({ schema: "IoK8sApiCoreV1PodTemplateSpec", data: doc.spec.unsupported.podTemplate, at: "/spec/unsupported/podTemplate", podTemplate: true });
      }
      if (!Number.isInteger(doc.spec.instances ?? 1)) out.push({ error: "/spec/instances must be an integer" });
      return out;
    },
  },
  "k8s.keycloak.org/v2alpha1 KeycloakRealmImport": {
    required: ["spec.keycloakCRName", "spec.realm.realm"],
    specKeys: ["keycloakCRName", "realm", "placeholders", "resources"],
    async embedded(doc) {
      return doc.spec.resources ? [{ schema: "IoK8sApiCoreV1ResourceRequirements", data: doc.spec.resources, at: "/spec/resources" }] : [];
    },
  },
  "mongodbcommunity.mongodb.com/v1 MongoDBCommunity": {
    required: ["spec.type", "spec.members", "spec.version", "spec.security.authentication.modes"],
    specKeys: ["members", "arbiters", "type", "version", "featureCompatibilityVersion", "replicaSetHorizons",
      "security", "users", "statefulSet", "additionalMongodConfig", "agent", "automationConfig",
      "additionalConnectionStringConfig", "memberConfig", "prometheus"],
    async embedded(doc) {
      const out = [];
      if (doc.spec.type !== "ReplicaSet") out.push({ error: "/spec/type must be ReplicaSet" });
      if (!Number.isInteger(doc.spec.members) || doc.spec.members < 1) out.push({ error: "/spec/members must be an integer >= 1" });
      if (typeof doc.spec.version !== "string") out.push({ error: "/spec/version must be a string (quote it)" });
      const sts = doc.spec.statefulSet?.spec ?? {};
      if (sts.template) out.push({ schema: "IoK8sApiCoreV1PodTemplateSpec", data: sts.template, at: "/spec/statefulSet/spec/template", podTemplate: true });
      (sts.volumeClaimTemplates ?? []).forEach((pvc, j) => out.push(...pvcTemplate(pvc, `/spec/statefulSet/spec/volumeClaimTemplates/${j}`)));
      (doc.spec.users ?? []).forEach((user, i) => {
        for (const key of ["name", "db", "passwordSecretRef", "roles", "scramCredentialsSecretName"]) {
          if (user[key] === undefined) out.push({ error: `/spec/users/${i}/${key} is required` });
        }
      });
      return out;
    },
  },
  "postgresql.cnpg.io/v1 Cluster": {
    required: ["spec.instances", "spec.storage.size"],
    specKeys: ["instances", "imageName", "imageCatalogRef", "postgresql", "bootstrap", "storage", "walStorage",
      "resources", "affinity", "topologySpreadConstraints", "monitoring", "backup", "primaryUpdateStrategy",
      "primaryUpdateMethod", "enableSuperuserAccess", "superuserSecret", "managed", "description", "plugins",
      "replica", "externalClusters", "certificates", "minSyncReplicas", "maxSyncReplicas", "enablePDB",
      "priorityClassName", "startDelay", "stopDelay", "switchoverDelay", "smartShutdownTimeout", "logLevel"],
    async embedded(doc) {
      const out = [];
      if (doc.spec.resources) out.push({ schema: "IoK8sApiCoreV1ResourceRequirements", data: doc.spec.resources, at: "/spec/resources" });
      if (!Number.isInteger(doc.spec.instances) || doc.spec.instances < 1) out.push({ error: "/spec/instances must be an integer >= 1" });
      return out;
    },
  },
};

function pvcTemplate(pvc, at) {
  const out = [];
  for (const key of Object.keys(pvc)) {
    if (!["metadata", "spec"].includes(key)) out.push({ error: `${at}/${key} unknown field` });
  }
  if (pvc.metadata) out.push({ schema: "IoK8sApimachineryPkgApisMetaV1ObjectMeta", data: pvc.metadata, at: `${at}/metadata`, pkg: "@kubernetes-models/apimachinery" });
  out.push({ schema: "IoK8sApiCoreV1PersistentVolumeClaimSpec", data: pvc.spec ?? {}, at: `${at}/spec` });
  return out;
}

async function schemaFn(item) {
  if (item.pkg === "@kubernetes-models/apimachinery") {
    const mod = await import(`@kubernetes-models/apimachinery/_schemas/${item.schema}`);
    return mod.validate;
  }
  return rawSchema(item.schema);
}

// ---------------------------------------------------------------------------------------------------
// Quantities and small helpers

function parseQuantity(q) {
  if (q === undefined || q === null) return undefined;
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(String(q));
  if (!m) return NaN;
  const units = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
  return units[m[2]] === undefined ? NaN : Number(m[1]) * units[m[2]];
}

const id = (doc) => `${doc.kind}/${doc.metadata?.name}`;

function podTemplatesOf(doc) {
  switch (doc.kind) {
    case "Pod":
      return [{ spec: doc.spec, metadata: doc.metadata, at: "/spec" }];
    case "CronJob":
      return [{ ...doc.spec?.jobTemplate?.spec?.template, at: "/spec/jobTemplate/spec/template" }];
    default:
      return WORKLOAD_KINDS.has(doc.kind) ? [{ ...doc.spec?.template, at: "/spec/template" }] : [];
  }
}

function selectorMatches(selector, labels) {
  if (!selector) return false;
  const matchLabels = selector.matchLabels ?? (selector.matchExpressions ? {} : selector);
  for (const [k, v] of Object.entries(matchLabels)) if (labels?.[k] !== v) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const has = labels && Object.hasOwn(labels, expr.key);
    if (expr.operator === "In" && !(has && expr.values.includes(labels[expr.key]))) return false;
    if (expr.operator === "NotIn" && has && expr.values.includes(labels[expr.key])) return false;
    if (expr.operator === "Exists" && !has) return false;
    if (expr.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function imageParts(image) {
  const [nameTag, digest] = image.split("@");
  const slash = nameTag.lastIndexOf("/");
  const colon = nameTag.lastIndexOf(":");
  const hasTag = colon > slash;
  return { repository: hasTag ? nameTag.slice(0, colon) : nameTag, tag: hasTag ? nameTag.slice(colon + 1) : undefined, digest };
}

// ---------------------------------------------------------------------------------------------------
// Rendered output -> context

function indexRender(docs) {
  const ctx = { docs, byKind: new Map(), secrets: new Map(), configMaps: new Map() };
  for (const doc of docs) {
    if (!ctx.byKind.has(doc.kind)) ctx.byKind.set(doc.kind, []);
    ctx.byKind.get(doc.kind).push(doc);
  }
  const all = (kind) => ctx.byKind.get(kind) ?? [];
  ctx.all = all;
  // Secrets produced by something in the render; keys === null: unknown (any key accepted).
  const provide = (name, keys, by) => {
    const prev = ctx.secrets.get(name);
    if (prev) ctx.errors.push(`Secret ${name} is produced twice (${prev.by} and ${by})`);
    ctx.secrets.set(name, { keys, by });
  };
  ctx.errors = [];
  for (const es of all("ExternalSecret")) {
    const name = es.spec?.target?.name ?? es.metadata.name;
    const templated = Object.keys(es.spec?.target?.template?.data ?? {});
    const fetched = (es.spec?.data ?? []).map((d) => d.secretKey);
    const keys = es.spec?.dataFrom?.length ? null : new Set(templated.length && es.spec?.target?.template?.mergePolicy !== "Merge" ? templated : [...templated, ...fetched]);
    provide(name, keys, id(es));
  }
  for (const mdb of all("MongoDBCommunity")) {
    for (const user of mdb.spec?.users ?? []) {
      const name = user.connectionStringSecretName ?? `${mdb.metadata.name}-${user.db ?? "admin"}-${user.name}`;
      provide(name, new Set(["connectionString.standard", "connectionString.standardSrv", "username", "password"]), id(mdb));
    }
  }
  for (const cluster of all("Cluster").filter((c) => c.apiVersion?.startsWith("postgresql.cnpg.io/"))) {
    provide(`${cluster.metadata.name}-app`, new Set(["username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "user"]), id(cluster));
  }
  for (const cert of all("Certificate")) {
    provide(cert.spec?.secretName, new Set(["tls.crt", "tls.key", "ca.crt"]), id(cert));
  }
  for (const cm of all("ConfigMap")) ctx.configMaps.set(cm.metadata.name, cm);
  return ctx;
}

function requireSecret(ctx, errors, where, name, key) {
  const secret = ctx.secrets.get(name);
  if (!secret) {
    errors.push(`${where}: Secret ${name} is not produced by anything in the render (ExternalSecret, operator, Certificate)`);
  } else if (key !== undefined && secret.keys && !secret.keys.has(key)) {
    errors.push(`${where}: Secret ${name} (from ${secret.by}) has no key ${key}`);
  }
}

function requireConfigMap(ctx, errors, where, name, key) {
  const cm = ctx.configMaps.get(name);
  if (!cm) errors.push(`${where}: ConfigMap ${name} is not in the render`);
  else if (key !== undefined && !Object.hasOwn(cm.data ?? {}, key)) errors.push(`${where}: ConfigMap ${name} has no key ${key}`);
}

// The value a container sees for an environment variable (env wins over envFrom), when resolvable.
function envValue(ctx, container, name) {
  const direct = (container.env ?? []).find((e) => e.name === name);
  if (direct) return direct.value ?? (direct.valueFrom ? "<from reference>" : "");
  let value;
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    const cm = from.configMapRef && ctx.configMaps.get(from.configMapRef.name);
    const key = name.slice(prefix.length);
    if (cm && name.startsWith(prefix) && Object.hasOwn(cm.data ?? {}, key)) value = cm.data[key];
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Security and application rules for a pod template

function checkPod(ctx, errors, owner, template, { partial }) {
  const at = `${owner}${template.at}`;
  const spec = template.spec ?? {};
  const podSc = spec.securityContext ?? {};
  const fail = (msg) => errors.push(`${at}: ${msg}`);

  for (const flag of ["hostNetwork", "hostPID", "hostIPC"]) if (spec[flag]) fail(`spec.${flag} must not be true`);
  for (const vol of spec.volumes ?? []) if (vol.hostPath) fail(`volume ${vol.name}: hostPath volumes are not allowed`);

  if (!partial) {
    if (!spec.serviceAccountName || spec.serviceAccountName === "default") fail("spec.serviceAccountName must name the workload's own ServiceAccount");
    const sa = ctx.all("ServiceAccount").find((s) => s.metadata.name === spec.serviceAccountName);
    if (spec.serviceAccountName && !sa) fail(`ServiceAccount ${spec.serviceAccountName} is not in the render`);
    if (spec.automountServiceAccountToken !== false && sa?.automountServiceAccountToken !== false) {
      fail("automountServiceAccountToken must be false (pod or ServiceAccount)");
    }
    if (sa && sa.automountServiceAccountToken !== false) fail(`ServiceAccount ${sa.metadata.name} must set automountServiceAccountToken: false`);
  }

  const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
  for (const vol of spec.volumes ?? []) {
    if (vol.secret) requireSecret(ctx, errors, `${at} volume ${vol.name}`, vol.secret.secretName);
    if (vol.configMap && !vol.configMap.optional) requireConfigMap(ctx, errors, `${at} volume ${vol.name}`, vol.configMap.name);
  }

  const containers = [
    ...(spec.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(spec.containers ?? []).map((c) => ({ c, init: false })),
  ];
  for (const { c, init } of containers) {
    const where = `container ${c.name}`;
    const sc = c.securityContext ?? {};
    const eff = (k) => sc[k] ?? podSc[k];
    if (eff("runAsNonRoot") !== true) fail(`${where}: runAsNonRoot must be true`);
    if (eff("runAsUser") === 0) fail(`${where}: runAsUser must not be 0`);
    if (!partial && (eff("runAsUser") !== APP_USER || eff("runAsGroup") !== APP_USER)) {
      fail(`${where}: runAsUser and runAsGroup must be ${APP_USER}`);
    }
    if (sc.allowPrivilegeEscalation !== false) fail(`${where}: allowPrivilegeEscalation must be false`);
    if (sc.privileged === true) fail(`${where}: privileged must not be true`);
    if (sc.readOnlyRootFilesystem !== true) fail(`${where}: readOnlyRootFilesystem must be true`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) fail(`${where}: capabilities.drop must include ALL`);
    if ((sc.capabilities?.add ?? []).length) fail(`${where}: capabilities.add must be empty`);
    const seccomp = (sc.seccompProfile ?? podSc.seccompProfile)?.type;
    if (!["RuntimeDefault", "Localhost"].includes(seccomp)) fail(`${where}: seccompProfile must be RuntimeDefault (pod or container)`);

    const res = c.resources ?? {};
    for (const k of ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]) {
      if (get(res, k) === undefined) fail(`${where}: resources.${k} is required`);
    }
    const reqMem = parseQuantity(res.requests?.memory);
    const limMem = parseQuantity(res.limits?.memory);
    if (reqMem > limMem) fail(`${where}: memory request ${res.requests.memory} exceeds the limit ${res.limits.memory}`);

    if (!init && !partial) {
      if (!c.livenessProbe) fail(`${where}: livenessProbe is required`);
      if (!c.readinessProbe) fail(`${where}: readinessProbe is required`);
    }
    if (!partial || c.image !== undefined) {
      if (!c.image) fail(`${where}: image is required`);
      else {
        const { tag, digest } = imageParts(c.image);
        if (!digest && (!tag || tag === "latest")) fail(`${where}: image ${c.image} needs a pinned tag or digest (set it with images: in the overlay)`);
      }
    }

    for (const env of c.env ?? []) {
      if (SECRET_NAME_RE.test(env.name) && env.value) fail(`${where}: env ${env.name} looks secret but has a literal value: use valueFrom.secretKeyRef`);
      const skr = env.valueFrom?.secretKeyRef;
      if (skr && !skr.optional) requireSecret(ctx, errors, `${at} ${where} env ${env.name}`, skr.name, skr.key);
      const ckr = env.valueFrom?.configMapKeyRef;
      if (ckr && !ckr.optional) requireConfigMap(ctx, errors, `${at} ${where} env ${env.name}`, ckr.name, ckr.key);
    }
    for (const from of c.envFrom ?? []) {
      if (from.secretRef && !from.secretRef.optional) requireSecret(ctx, errors, `${at} ${where} envFrom`, from.secretRef.name);
      if (from.configMapRef && !from.configMapRef.optional) requireConfigMap(ctx, errors, `${at} ${where} envFrom`, from.configMapRef.name);
    }
    for (const mount of c.volumeMounts ?? []) {
      const vol = volumes.get(mount.name);
      if (!vol && !partial) fail(`${where}: volumeMount ${mount.name} has no volume`);
      if ((vol?.secret || vol?.projected) && mount.readOnly !== true) fail(`${where}: Secret volume ${mount.name} must be mounted readOnly`);
    }
    if (!partial && c.image?.startsWith(OWN_IMAGE_PREFIX)) checkApplication(ctx, fail, owner, template, c, volumes);
  }
}

// The Spring Boot applications: actuator probes, graceful shutdown, JVM sizing, scheduling, observability.
function checkApplication(ctx, fail, owner, template, c, volumes) {
  const spec = template.spec;
  const where = `container ${c.name}`;
  const ownerName = owner.split("/")[1];
  if (imageParts(c.image).repository !== `${OWN_IMAGE_PREFIX}${ownerName}`) fail(`${where}: image must be ${OWN_IMAGE_PREFIX}${ownerName}`);
  if (c.livenessProbe?.httpGet?.path !== "/actuator/health/liveness") fail(`${where}: livenessProbe must GET /actuator/health/liveness`);
  if (c.readinessProbe?.httpGet?.path !== "/actuator/health/readiness") fail(`${where}: readinessProbe must GET /actuator/health/readiness`);
  if (!c.startupProbe?.httpGet) fail(`${where}: startupProbe (httpGet) is required: the JVM is slow to start`);
  const sleep = c.lifecycle?.preStop?.sleep?.seconds;
  if (!Number.isInteger(sleep) || sleep < 1) fail(`${where}: lifecycle.preStop.sleep is required (endpoints drain before shutdown starts)`);
  const grace = spec.terminationGracePeriodSeconds ?? 30;
  if (Number.isInteger(sleep) && grace <= sleep + SPRING_SHUTDOWN_SECONDS) {
    fail(`terminationGracePeriodSeconds ${grace} must exceed preStop ${sleep} s + Spring's ${SPRING_SHUTDOWN_SECONDS} s shutdown phase`);
  }
  const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
  if (!tmp || !volumes.get(tmp.name)?.emptyDir) fail(`${where}: needs an emptyDir at /tmp (read-only root filesystem)`);
  if (!(spec.topologySpreadConstraints ?? []).length) fail("topologySpreadConstraints are required");
  if (spec.enableServiceLinks !== false) fail("enableServiceLinks must be false (service-link variables leak into Spring's environment)");
  if (parseQuantity(c.resources?.limits?.memory) > MAX_APP_MEMORY) fail(`${where}: memory limit above 512Mi`);
  if (!/-XX:MaxRAMPercentage=\d+/.test(envValue(ctx, c, "JAVA_TOOL_OPTIONS") ?? "")) fail(`${where}: JAVA_TOOL_OPTIONS must size the heap with -XX:MaxRAMPercentage`);
  if (envValue(ctx, c, "BIND_ADDRESS") !== "0.0.0.0") fail(`${where}: BIND_ADDRESS must be 0.0.0.0 (the default is loopback)`);
  if (!envValue(ctx, c, "KEYCLOAK_ISSUER")) fail(`${where}: KEYCLOAK_ISSUER is not set`);
  checkObservability(ctx, fail, template, c);
}

// Metrics, logs: Prometheus scrapes the port that serves actuator, the probes use that port too, JSON logs.
function checkObservability(ctx, fail, template, c) {
  const where = `container ${c.name}`;
  const portNumber = (p) => (typeof p === "string" ? (c.ports ?? []).find((x) => x.name === p)?.containerPort : p);
  const http = portNumber("http");
  const management = Number(envValue(ctx, c, "MANAGEMENT_SERVER_PORT") ?? http);
  if (envValue(ctx, c, "MANAGEMENT_SERVER_PORT") !== undefined && portNumber("management") !== management) {
    fail(`${where}: MANAGEMENT_SERVER_PORT ${management} needs a container port named management with that number`);
  }
  for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
    const port = c[probe]?.httpGet?.port;
    if (port !== undefined && portNumber(port) !== management) fail(`${where}: ${probe} must use the actuator port ${management}`);
  }
  const annotations = template.metadata?.annotations ?? {};
  if (annotations["prometheus.io/scrape"] !== "true" || Number(annotations["prometheus.io/port"]) !== management
      || annotations["prometheus.io/path"] !== "/actuator/prometheus") {
    fail(`${where}: the pod needs prometheus.io/scrape "true", prometheus.io/port "${management}" and prometheus.io/path /actuator/prometheus`);
  }
  if (!["ecs", "logstash", "gelf"].includes(envValue(ctx, c, "LOGGING_STRUCTURED_FORMAT_CONSOLE"))) {
    fail(`${where}: LOGGING_STRUCTURED_FORMAT_CONSOLE must select JSON logs (ecs)`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Whole-render rules

function checkRender(ctx, errors, overlay) {
  const docs = ctx.docs;
  errors.push(...ctx.errors);

  const seen = new Set();
  for (const doc of docs) {
    const key = `${doc.apiVersion} ${doc.kind} ${doc.metadata?.namespace ?? ""}/${doc.metadata?.name}`;
    if (seen.has(key)) errors.push(`${key} appears twice`);
    seen.add(key);
    if (doc.kind === "Secret") errors.push(`${id(doc)}: Secrets must not be in plain manifests; describe it with an ExternalSecret`);
  }

  const text = JSON.stringify(docs);
  if (text.includes(PLACEHOLDER_HOST)) {
    errors.push(`the render still contains the placeholder host ${PLACEHOLDER_HOST}: the overlay must set every public URL`);
  }

  // one namespace, declared, with Pod Security Admission labels
  const namespaces = new Set(docs.filter((d) => d.kind !== "Namespace").map((d) => d.metadata?.namespace));
  if (namespaces.size !== 1 || namespaces.has(undefined)) errors.push(`every resource must be in the overlay's namespace (found: ${[...namespaces].join(", ")})`);
  const ns = ctx.all("Namespace").find((n) => namespaces.has(n.metadata.name));
  if (!ns) errors.push("the overlay must declare its Namespace");
  else if (!ns.metadata.labels?.["pod-security.kubernetes.io/enforce"]) errors.push(`Namespace ${ns.metadata.name}: pod-security.kubernetes.io/enforce label is required`);

  for (const cm of ctx.all("ConfigMap")) {
    for (const [k, v] of Object.entries(cm.data ?? {})) {
      if (SECRET_NAME_RE.test(k) && v) errors.push(`${id(cm)}: key ${k} looks secret: put it in a Secret`);
    }
  }

  // pod templates of workloads: full rules
  const templates = [];
  for (const doc of docs) {
    for (const template of podTemplatesOf(doc)) {
      checkPod(ctx, errors, id(doc), template, { partial: false });
      templates.push({ doc, labels: template.metadata?.labels ?? {} });
    }
  }

  for (const svc of ctx.all("Service")) {
    if (svc.spec?.selector && !templates.some((t) => selectorMatches(svc.spec.selector, t.labels))) {
      errors.push(`${id(svc)}: selector matches no pod template in the render`);
    }
  }
  for (const pdb of ctx.all("PodDisruptionBudget")) {
    if (!templates.some((t) => selectorMatches(pdb.spec?.selector, t.labels))) errors.push(`${id(pdb)}: selector matches no workload`);
  }
  for (const hpa of ctx.all("HorizontalPodAutoscaler")) {
    const ref = hpa.spec.scaleTargetRef;
    const target = docs.find((d) => d.kind === ref.kind && d.metadata.name === ref.name);
    if (!target) errors.push(`${id(hpa)}: scale target ${ref.kind}/${ref.name} is not in the render`);
    else if (target.spec?.replicas !== undefined) errors.push(`${id(target)}: spec.replicas must be unset while ${id(hpa)} scales it (every apply would reset the count)`);
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas) errors.push(`${id(hpa)}: minReplicas > maxReplicas`);
  }

  const policies = ctx.all("NetworkPolicy");
  if (policies.length && !policies.some((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && p.spec.policyTypes?.includes("Ingress") && p.spec.policyTypes?.includes("Egress") && !p.spec.ingress && !p.spec.egress)) {
    errors.push("network policies without a default deny (podSelector {}, Ingress and Egress, no rules)");
  }

  for (const ing of ctx.all("Ingress")) {
    const hosts = (ing.spec.rules ?? []).map((r) => r.host);
    const tlsHosts = new Set((ing.spec.tls ?? []).flatMap((t) => t.hosts ?? []));
    for (const h of hosts) if (!tlsHosts.has(h)) errors.push(`${id(ing)}: host ${h} has no TLS`);
    for (const t of ing.spec.tls ?? []) requireSecret(ctx, errors, id(ing), t.secretName, "tls.crt");
    for (const rule of ing.spec.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        if (p.backend?.service?.name !== "gateway") errors.push(`${id(ing)}: only the gateway is exposed, not ${p.backend?.service?.name}`);
      }
    }
  }

  checkBackingServiceReferences(ctx, errors, overlay);
}

// Secret references inside custom resources, and configuration that must agree across resources.
function checkBackingServiceReferences(ctx, errors, overlay) {
  for (const kc of ctx.all("Keycloak")) {
    const s = kc.spec;
    requireSecret(ctx, errors, id(kc), s.db?.usernameSecret?.name, s.db?.usernameSecret?.key);
    requireSecret(ctx, errors, id(kc), s.db?.passwordSecret?.name, s.db?.passwordSecret?.key);
    if (s.bootstrapAdmin?.user?.secret) requireSecret(ctx, errors, id(kc), s.bootstrapAdmin.user.secret, "password");
    if (s.http?.tlsSecret) requireSecret(ctx, errors, id(kc), s.http.tlsSecret, "tls.crt");
    if (s.ingress?.enabled && s.ingress.tlsSecret) requireSecret(ctx, errors, id(kc), s.ingress.tlsSecret, "tls.crt");
    if (s.ingress?.enabled && !s.ingress.tlsSecret) errors.push(`${id(kc)}: an enabled ingress needs tlsSecret`);
    const issuer = `${String(s.hostname?.hostname).replace(/\/+$/, "")}/realms/esg-one`;
    for (const cm of ctx.all("ConfigMap")) {
      const value = cm.data?.KEYCLOAK_ISSUER;
      if (value !== undefined && value !== issuer) errors.push(`${id(cm)}: KEYCLOAK_ISSUER ${value} does not match Keycloak's hostname (${issuer})`);
    }
    if (overlay === "prod" && !issuer.startsWith("https://")) errors.push(`${id(kc)}: production hostname must be https`);
  }
  for (const imp of ctx.all("KeycloakRealmImport")) {
    const at = id(imp);
    if (!ctx.all("Keycloak").some((k) => k.metadata.name === imp.spec.keycloakCRName)) errors.push(`${at}: Keycloak ${imp.spec.keycloakCRName} is not in the render`);
    const realm = imp.spec.realm;
    for (const user of realm.users ?? []) {
      if (user.credentials || !user.serviceAccountClientId) errors.push(`${at}: user ${user.username} must not be imported (demo accounts and passwords stay in development)`);
    }
    if (realm.organizations?.length) errors.push(`${at}: demo organizations must not be imported`);
    const placeholders = imp.spec.placeholders ?? {};
    for (const [name, ref] of Object.entries(placeholders)) requireSecret(ctx, errors, `${at} placeholder ${name}`, ref.secret?.name, ref.secret?.key);
    for (const client of realm.clients ?? []) {
      if (client.secret === undefined) continue;
      const m = /^\$\{([A-Z0-9_]+)\}$/.exec(client.secret);
      if (!m) errors.push(`${at}: client ${client.clientId} has a literal secret: use a placeholder`);
      else if (!placeholders[m[1]]) errors.push(`${at}: placeholder ${m[1]} of client ${client.clientId} is not declared in spec.placeholders`);
    }
    const publicUrl = ctx.all("ConfigMap").map((c) => c.data?.ESG_BADGE_PUBLIC_URL).find(Boolean);
    const web = (realm.clients ?? []).find((c) => c.clientId === "esg-web");
    if (publicUrl && web && !(web.redirectUris ?? []).some((u) => u.startsWith(publicUrl))) {
      errors.push(`${at}: esg-web redirect URIs do not include the public URL ${publicUrl}`);
    }
    if (overlay === "prod" && web?.directAccessGrantsEnabled) errors.push(`${at}: the password grant must be off in production`);
  }
  for (const mdb of ctx.all("MongoDBCommunity")) {
    for (const user of mdb.spec.users ?? []) requireSecret(ctx, errors, id(mdb), user.passwordSecretRef?.name, user.passwordSecretRef?.key ?? "password");
    if (overlay === "prod" && mdb.spec.members < 3) errors.push(`${id(mdb)}: production replica sets need 3 members`);
  }
  for (const es of ctx.all("Elasticsearch")) {
    for (const r of es.spec.auth?.roles ?? []) requireSecret(ctx, errors, id(es), r.secretName, "roles.yml");
    for (const r of es.spec.auth?.fileRealm ?? []) requireSecret(ctx, errors, id(es), r.secretName, "password");
  }
  if (overlay === "prod") {
    for (const cm of ctx.all("ConfigMap")) {
      for (const key of ["KEYCLOAK_ISSUER", "ESG_BADGE_PUBLIC_URL"]) {
        const v = cm.data?.[key];
        if (v !== undefined && !v.startsWith("https://")) errors.push(`${id(cm)}: ${key} must be https in production`);
      }
    }
    if (!ctx.all("Ingress").length) errors.push("production exposes the gateway through an Ingress with TLS");
  }
}

// ---------------------------------------------------------------------------------------------------
// One rendered overlay

async function validateDocuments(docs, overlay) {
  const errors = [];
  const notes = new Set();
  for (const [i, doc] of docs.entries()) {
    if (!doc || typeof doc !== "object" || !doc.apiVersion || !doc.kind || !doc.metadata?.name) {
      errors.push(`document ${i}: apiVersion, kind and metadata.name are required`);
      continue;
    }
    const where = `${doc.kind}/${doc.metadata.name}: `;
    const cls = await modelClass(doc.apiVersion, doc.kind);
    if (cls) {
      errors.push(...strict(modelValidator(cls), doc, where));
      continue;
    }
    const custom = CUSTOM_RESOURCES[`${doc.apiVersion} ${doc.kind}`];
    if (!custom) {
      errors.push(`${where}no schema for ${doc.apiVersion} ${doc.kind} (add a schema package or a CUSTOM_RESOURCES rule)`);
      continue;
    }
    notes.add(`${doc.apiVersion} ${doc.kind}`);
    const metaFn = (await import("@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta")).validate;
    errors.push(...strict(schemaValidator(metaFn), doc.metadata, `${where}/metadata`));
    for (const key of Object.keys(doc)) if (!["apiVersion", "kind", "metadata", "spec"].includes(key)) errors.push(`${where}/${key} unknown field`);
    for (const req of custom.required) if (get(doc, req) === undefined) errors.push(`${where}${req} is required`);
    for (const key of Object.keys(doc.spec ?? {})) if (!custom.specKeys.includes(key)) errors.push(`${where}/spec/${key} unknown field`);
    if (errors.some((e) => e.startsWith(where) && e.includes("is required"))) continue;
    for (const item of await custom.embedded(doc)) {
      if (item.error) {
        errors.push(`${where}${item.error}`);
        continue;
      }
      errors.push(...strict(schemaValidator(await schemaFn(item)), item.data, `${where}${item.at}`));
    }
  }
  try {
    const ctx = indexRender(docs);
    checkRender(ctx, errors, overlay);
    // hardening declared in the operators' pod templates (what the operators add is checked on the cluster)
    for (const doc of docs) {
      const custom = CUSTOM_RESOURCES[`${doc.apiVersion} ${doc.kind}`];
      if (!custom || !doc.spec) continue;
      for (const item of await custom.embedded(doc)) {
        if (item.podTemplate) checkPod(ctx, errors, id(doc), { ...item.data, at: item.at }, { partial: true });
      }
    }
  } catch (e) {
    // a document too malformed for the rules: the schema errors above say why
    if (!errors.length) throw e;
    errors.push(`(rules not evaluated: ${e.message})`);
  }
  return { errors, notes };
}

function parseRender(text, source) {
  const docs = [];
  for (const d of parseAllDocuments(text, { uniqueKeys: true })) {
    if (d.errors.length) throw new Error(`${source}: ${d.errors[0].message}`);
    const value = d.toJS();
    if (value !== null) docs.push(value);
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------------
// Self-test: each mutation of a valid render must be refused with the expected message.

const findDoc = (docs, kind, name) => docs.find((d) => d.kind === kind && (!name || d.metadata.name === name));
const appContainer = (docs, name = "offers-service") => findDoc(docs, "Deployment", name).spec.template.spec.containers[0];

const MUTATIONS = [
  ["unknown field in a container (typo)", (d) => { appContainer(d).securityContext.readOnlyRootFileSystem = true; }, "securityContext/readOnlyRootFileSystem unknown field"],
  ["unknown field at spec level", (d) => { findDoc(d, "Deployment", "gateway").spec.replica = 2; }, "/spec/replica unknown field"],
  ["wrong type (port as string)", (d) => { appContainer(d).ports[0].containerPort = "8082"; }, "containerPort must be integer"],
  ["wrong enum value", (d) => { appContainer(d).imagePullPolicy = "Sometimes"; }, "imagePullPolicy must be equal to one of the allowed values"],
  ["missing required field", (d) => { delete findDoc(d, "Service", "gateway").spec.ports[0].port; }, "must have required property port"],
  ["writable root filesystem", (d) => { appContainer(d).securityContext.readOnlyRootFilesystem = false; }, "readOnlyRootFilesystem must be true"],
  ["capabilities not dropped", (d) => { appContainer(d).securityContext.capabilities.drop = ["NET_RAW"]; }, "capabilities.drop must include ALL"],
  ["root user", (d) => { appContainer(d).securityContext.runAsUser = 0; }, "runAsUser must not be 0"],
  ["privilege escalation", (d) => { delete appContainer(d).securityContext.allowPrivilegeEscalation; }, "allowPrivilegeEscalation must be false"],
  ["no memory limit", (d) => { delete appContainer(d).resources.limits.memory; }, "resources.limits.memory is required"],
  ["no liveness probe", (d) => { delete appContainer(d).livenessProbe; }, "livenessProbe"],
  ["readiness on the wrong path", (d) => { appContainer(d).readinessProbe.httpGet.path = "/actuator/health"; }, "readinessProbe must GET /actuator/health/readiness"],
  ["probe on the public port while actuator has its own", (d) => { appContainer(d, "gateway").readinessProbe.httpGet.port = "http"; }, "readinessProbe must use the actuator port 9090"],
  ["scrape annotation on the wrong port", (d) => { findDoc(d, "Deployment", "gateway").spec.template.metadata.annotations["prometheus.io/port"] = "8080"; }, "prometheus.io/port \"9090\""],
  ["grace period too short", (d) => { findDoc(d, "Deployment", "offers-service").spec.template.spec.terminationGracePeriodSeconds = 25; }, "terminationGracePeriodSeconds 25 must exceed"],
  ["untagged image", (d) => { appContainer(d).image = "ghcr.io/esg-one/offers-service"; }, "needs a pinned tag or digest"],
  ["secret as a literal env value", (d) => { appContainer(d).env.push({ name: "ESG_OFFERS_CURSOR_SECRET", value: "abc" }); }, "looks secret but has a literal value"],
  ["a plain Secret", (d) => { d.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "oops", namespace: findDoc(d, "Deployment").metadata.namespace }, stringData: { password: "x" } }); }, "Secrets must not be in plain manifests"],
  ["reference to a Secret nobody produces", (d) => { appContainer(d).env.find((e) => e.valueFrom?.secretKeyRef).valueFrom.secretKeyRef.name = "no-such-secret"; }, "Secret no-such-secret is not produced"],
  ["replicas fighting the HPA", (d) => { const hpa = findDoc(d, "HorizontalPodAutoscaler"); if (hpa) findDoc(d, "Deployment", hpa.spec.scaleTargetRef.name).spec.replicas = 2; }, "spec.replicas must be unset"],
  ["unknown field in an ExternalSecret (CRD schema)", (d) => { findDoc(d, "ExternalSecret").spec.refreshIntervall = "1h"; }, "/spec/refreshIntervall unknown field"],
  ["unknown field in an operator pod template", (d) => { findDoc(d, "Elasticsearch").spec.nodeSets[0].podTemplate.spec.containers[0].resource = {}; }, "containers/0/resource unknown field"],
  ["operator pod template without hardening", (d) => { delete findDoc(d, "Elasticsearch").spec.nodeSets[0].podTemplate.spec.containers[0].securityContext; }, "Elasticsearch/search/spec/nodeSets/0/podTemplate: container elasticsearch: readOnlyRootFilesystem must be true"],
  ["Ingress to something else than the gateway", (d) => { findDoc(d, "Ingress").spec.rules[0].http.paths[0].backend.service.name = "badge-service"; }, "only the gateway is exposed"],
  ["demo account in the realm import", (d) => { findDoc(d, "KeycloakRealmImport").spec.realm.users.push({ username: "sme@demo.esg-one.test", credentials: [{ type: "password", value: "demo1234" }] }); }, "must not be imported"],
  ["issuer that does not match Keycloak", (d) => { for (const cm of d.filter((x) => x.kind === "ConfigMap" && x.data?.KEYCLOAK_ISSUER)) cm.data.KEYCLOAK_ISSUER = "https://elsewhere.example/realms/esg-one"; }, "does not match Keycloak's hostname"],
];

async function selfTest(docs, overlay) {
  let passed = 0;
  const failures = [];
  for (const [name, mutate, expected] of MUTATIONS) {
    const copy = structuredClone(docs);
    mutate(copy);
    const { errors } = await validateDocuments(copy, overlay);
    if (errors.some((e) => e.includes(expected))) passed++;
    else failures.push(`self-test "${name}": expected an error containing "${expected}", got ${errors.length ? errors.slice(0, 3).join(" | ") : "none"}`);
  }
  return { passed, failures };
}

// ---------------------------------------------------------------------------------------------------

async function main(argv) {
  if (argv.includes("--write-realm-import")) {
    writeFileSync(path.join(repoDir, IMPORT_FILE), realmImportYaml(repoDir));
    console.log(`wrote ${IMPORT_FILE}`);
    return 0;
  }
  const selfTestOn = argv.find((a) => a.startsWith("--selftest="))?.slice("--selftest=".length);
  const renders = argv.filter((a) => !a.startsWith("--")).map((a) => {
    const [name, file] = a.split("=");
    return { name, file };
  });
  let passed = 0;
  let failed = 0;

  // the committed realm import is what the generator makes of the development realm
  const committed = parseYaml(readFileSync(path.join(repoDir, IMPORT_FILE), "utf8"));
  if (isDeepStrictEqual(committed, buildRealmImport(repoDir))) {
    passed++;
    console.log(`ok    ${IMPORT_FILE} matches devstack/keycloak/esg-one-realm.json`);
  } else {
    failed++;
    console.log(`FAIL  ${IMPORT_FILE} is out of date: run k8s/validate --write-realm-import`);
  }

  const notes = new Set();
  for (const { name, file } of renders) {
    const docs = parseRender(readFileSync(file, "utf8"), file);
    const result = await validateDocuments(docs, name);
    result.notes.forEach((n) => notes.add(n));
    if (result.errors.length) {
      failed++;
      console.log(`FAIL  overlay ${name}: ${result.errors.length} problem(s)`);
      for (const e of result.errors) console.log(`        ${e}`);
    } else {
      passed++;
      console.log(`ok    overlay ${name}: ${docs.length} documents valid`);
    }
    if (name === selfTestOn && !result.errors.length) {
      const st = await selfTest(docs, name);
      passed += st.passed;
      failed += st.failures.length;
      console.log(`${st.failures.length ? "FAIL" : "ok  "}  self-test on overlay ${name}: ${st.passed}/${MUTATIONS.length} broken manifests refused`);
      for (const f of st.failures) console.log(`        ${f}`);
    }
  }
  if (notes.size) {
    console.log(`note  no schema package for: ${[...notes].sort().join("; ")} -- checked kind, required and known spec fields and their embedded Kubernetes objects only`);
  }
  console.log(`k8s: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
