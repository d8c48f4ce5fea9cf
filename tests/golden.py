#!/usr/bin/env python3
"""Compares ucplan's JSON plan with an expected-plan Markdown file; prints TAP.

usage: golden.py SECTION[,SECTION...] PLAN.json EXPECTED.md [PLAN.json EXPECTED.md...]

SECTION is dns, certificates, endpoints or publishing. The Markdown tables are
the reference deployments' expected plans, kept verbatim under tests/golden/.
Names are compared without the trailing dot; record data with every trailing
dot removed. Comments and "why" texts are not compared.
"""
import json
import re
import sys

n = 0
failed = 0
prefix = ""


def result(ok, desc, detail=None):
    global n, failed
    n += 1
    print(("ok" if ok else "not ok") + " %d - %s%s" % (n, prefix, desc))
    if not ok:
        failed += 1
        for line in (detail or "").splitlines():
            print("# " + line)


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def unquote(s):
    return s.replace("`", "").strip()


def nodot(s):
    return " ".join(w[:-1] if w.endswith(".") and len(w) > 1 else w for w in s.split())


def parse(path):
    exp = {"dns": {}, "ns": {}, "certificates": [], "endpoints": [], "publishing": {"rules": [], "listener": None}}
    section = view = zone = None
    pinpoint_ns = None
    header = None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("## "):
            title = line[3:]
            header = None
            zone = None
            if title.startswith("DNS, external"):
                section, view = "dns", "external"
            elif title.startswith("DNS, internal"):
                section, view = "dns", "internal"
            elif title.startswith("Certificates"):
                section = "certificates"
            elif title.startswith("Endpoints"):
                section = "endpoints"
            elif title.startswith("Publishing"):
                section = "publishing"
                m = re.search(r"listener `([^`]+)`, ([0-9a-fA-F.:]+):(\d+), certificate `([^`]+)`", title)
                if m:
                    exp["publishing"]["listener"] = (m.group(1), m.group(2), int(m.group(3)), m.group(4))
            else:
                section = None
            continue
        if section == "dns":
            m = re.match(r"Zone `([^`]+)` \(NS ([^)]*)\)", line)
            if m:
                zone = m.group(1)
                exp["ns"][(view, zone)] = sorted(unquote(x) for x in m.group(2).split(","))
                exp["dns"].setdefault((view, zone), set())
                continue
            m = re.search(r"\(NS ([^)]*)\)", line)
            if m and not line.startswith("|"):
                pinpoint_ns = sorted(unquote(x) for x in m.group(1).split(","))
        if not line.startswith("|"):
            continue
        row = cells(line)
        if set("".join(row)) <= set("-: "):
            continue
        if row[0] in ("Owner", "Zone", "Name", "Role", "Rule"):
            header = row[0]
            continue
        if section == "dns":
            if header == "Zone":
                z, owner = row[0], row[0]
                exp["dns"].setdefault((view, z), set())
                exp["ns"][(view, z)] = pinpoint_ns
            else:
                z, owner = zone, row[0]
            exp["dns"][(view, z)].add((owner, row[1], nodot(row[2])))
        elif section == "certificates":
            exp["certificates"].append({"name": row[0], "ca": row[1], "subject": row[2],
                                        "san": [s.strip() for s in row[3].split(",")]})
        elif section == "endpoints":
            port, _, end = row[3].partition("-")
            exp["endpoints"].append((row[0], row[1], row[2], int(port), int(end) if end else 0, row[4],
                                     row[5].split()[0]))
        elif section == "publishing":
            site, _, port = row[3].partition(":")
            paths = [p.strip() for p in row[2].split(",")]
            m = re.match(r"\s*(\d+)(?:\s*\(HTTP (\d+)\))?\s*$", port)
            exp["publishing"]["rules"].append({"name": row[0], "public_names": [x.strip() for x in row[1].split(",")],
                                               "paths": paths, "internal_site": site.strip(),
                                               "internal_port": int(m.group(1)),
                                               "http_port": int(m.group(2)) if m.group(2) else 0})
    return exp


def actual_dns(plan):
    dns, ns = {}, {}
    for view, v in plan["views"].items():
        for z in v["zones"]:
            name = z["name"].rstrip(".")
            recs = set()
            for r in z["records"]:
                owner = r["name"].rstrip(".")
                if r["type"] == "SOA" or (r["type"] == "NS" and owner == name):
                    if r["type"] == "NS":
                        ns.setdefault((view, name), []).append(nodot(r["data"]))
                    continue
                recs.add((owner, r["type"], nodot(r["data"])))
            dns[(view, name)] = recs
            ns[(view, name)] = sorted(ns.get((view, name), []))
    return dns, ns


def check_dns(plan, exp):
    dns, ns = actual_dns(plan)
    result(sorted(dns) == sorted(exp["dns"]), "the zones of both views are the expected ones",
           "expected %s\nactual   %s" % (sorted(exp["dns"]), sorted(dns)))
    for key in sorted(exp["dns"]):
        got = dns.get(key, set())
        want = exp["dns"][key]
        detail = "".join("missing %s\n" % (r,) for r in sorted(want - got)) + \
                 "".join("extra   %s\n" % (r,) for r in sorted(got - want))
        result(got == want, "%s view, zone %s: records" % key, detail)
        result(ns.get(key) == exp["ns"].get(key), "%s view, zone %s: apex NS" % key,
               "expected %s, actual %s" % (exp["ns"].get(key), ns.get(key)))


def check_certificates(plan, exp):
    got = {c["name"]: c for c in plan["certificates"]}
    want_names = [c["name"] for c in exp["certificates"]]
    result(sorted(got) == sorted(want_names), "the certificates are the expected ones",
           "expected %s, actual %s" % (want_names, sorted(got)))
    for c in exp["certificates"]:
        g = got.get(c["name"])
        actual = g and (g["ca"], g["subject"].rstrip("."), [s.rstrip(".") for s in g["san"]])
        want = (c["ca"], c["subject"], c["san"])
        result(actual == want, "certificate %s: CA, subject and SAN in order" % c["name"],
               "expected %s\nactual   %s" % (want, actual))


def check_endpoints(plan, exp):
    got = sorted((e["role"], e["interface"], e["ip"], e["port"], e.get("port_end", 0), e["protocol"], e["direction"])
                 for e in plan["endpoints"] if e["role"] in {x[0] for x in exp["endpoints"]})
    want = sorted(exp["endpoints"])
    detail = "".join("missing %s\n" % (e,) for e in want if e not in got) + \
             "".join("extra   %s\n" % (e,) for e in got if e not in want)
    result(got == want, "the endpoints of the expected roles", detail)


def check_publishing(plan, exp):
    pub = plan["publishing"]
    listener = exp["publishing"]["listener"]
    if listener:
        got = [(l["name"], l["ip"], l["port"], l["certificate"]) for l in pub["listeners"]]
        result(got == [listener], "the listener", "expected %s, actual %s" % ([listener], got))
    ocs_paths = None
    for r in exp["publishing"]["rules"]:
        if r["name"] == "OCS web components" and not r["paths"][0].startswith("("):
            ocs_paths = r["paths"]
    rules = {r["name"]: r for r in pub["rules"]}
    result(sorted(rules) == sorted(r["name"] for r in exp["publishing"]["rules"]), "the publishing rules",
           "expected %s, actual %s" % (sorted(r["name"] for r in exp["publishing"]["rules"]), sorted(rules)))
    for r in exp["publishing"]["rules"]:
        g = rules.get(r["name"])
        paths = r["paths"]
        if paths and paths[0].startswith("("):
            paths = ocs_paths or OCS_PATHS
        actual = g and ([x.rstrip(".") for x in g["public_names"]], g["paths"], g["internal_site"].rstrip("."),
                        g["internal_port"], g.get("internal_http_port", 0), g["forward_host_header"])
        want = (r["public_names"], paths, r["internal_site"], r["internal_port"], r["http_port"], True)
        result(actual == want, "rule %s: public names, paths, internal site and ports" % r["name"],
               "expected %s\nactual   %s" % (want, actual))


OCS_PATHS = ["/ABS/Ext/*", "/GroupExpansion/Ext/*", "/etc/place/null/*", "/Conf/Ext/*", "/AutoUpdate/Ext/*",
             "/DeviceUpdateFiles_Ext/*", "/RequestHandlerExt/*", "/PhoneConferencing/Ext/*"]


def main():
    global prefix
    checks = {"dns": check_dns, "certificates": check_certificates, "endpoints": check_endpoints,
              "publishing": check_publishing}
    sections = sys.argv[1].split(",")
    args = sys.argv[2:]
    for i in range(0, len(args), 2):
        plan = json.load(open(args[i], encoding="utf-8"))
        exp = parse(args[i + 1])
        prefix = args[i + 1].split("/")[-1].replace(".expected.md", "") + ": "
        for section in sections:
            checks[section](plan, exp)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
