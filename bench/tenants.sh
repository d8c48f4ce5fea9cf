#!/bin/sh
# tenants.sh N: a hosting deployment with N tenant SIP (and SMTP) domains, for bench/run and the tests.
n=$1
cat <<HEAD
ucplan = 1;
dns = {
  internal = { nameservers = [ "ns.corp.example.com" ]; clients = [ "10.0.0.0/8" ]; style = "pinpoint"; };
  external = { nameservers = [ "ns1.example.com" ]; };
  records = (
    { view = "external"; name = "ns1.example.com"; type = "A"; data = "192.0.2.53"; },
    { view = "internal"; name = "ns.corp.example.com"; type = "A"; data = "10.0.0.53"; }
  );
};
sip = {
  product = "ocs2007r2";
  edition = "standard";
  pool = { fqdn = "ocs.corp.example.com"; ip = "10.0.0.5"; };
  edge = {
    internal = { fqdn = "edge.corp.example.com"; ip = "10.0.1.5"; };
    access = { ip = "192.0.2.20"; };
    av = { fqdn = "av.example.com"; ip = "192.0.2.22"; };
  };
HEAD
printf '  domains = [ "example.com"'
i=1
while [ $i -lt "$n" ]; do printf ', "tenant%d.example.org"' $i; i=$((i + 1)); done
printf ' ];\n};\n'
cat <<TAIL
exchange = { version = "2010"; external_fqdn = "mail.example.com"; autodiscover = "cname";
  cas = ( { fqdn = "cas.corp.example.com"; ip = "10.0.0.20"; } ); };
reverse_proxy = { product = "tmg2010"; external_ip = "192.0.2.10"; };
TAIL
