#!/usr/bin/env bash
# Measures article-to-alert latency against a running service (local mode: mvn spring-boot:test-run).
# Publishes N firing articles one at a time with kcat and compares each article record's timestamp with
# the timestamp of its alert on the alert topic (both are producer CreateTime, same machine clock).
set -euo pipefail
BROKER=${BROKER:-127.0.0.1:9092}
N=${N:-50}
run=lat-$(date +%s)
for i in $(seq 1 "$N"); do
  printf '{"id":"%s-%d","title":"Delivery","body":"Serbia has taken delivery of a Pantsir-S1 battery bought from Russia, the defence ministry said (%d)."}\n' "$run" "$i" "$i" \
    | kcat -P -b "$BROKER" -t news.articles -k "$run-$i"
  sleep 0.2
done
sleep 3
timeout 30 kcat -C -b "$BROKER" -t news.articles -o beginning -e -q -f '%k %T\n' | grep "^$run-" | sort > /tmp/"$run".in
timeout 30 kcat -C -b "$BROKER" -t sanctions.alerts -o beginning -e -q -X isolation.level=read_committed -f '%k %T\n' | grep "^$run-" | sort -u -k1,1 > /tmp/"$run".out
join /tmp/"$run".in /tmp/"$run".out | awk '{print $3-$2}' | sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "no alerts"; exit 1}; printf "alerts %d/%s  latency ms: min %d  p50 %d  p90 %d  max %d\n", NR, "'"$N"'", a[1], a[int(NR*0.5)+(NR*0.5>int(NR*0.5))], a[int(NR*0.9)+(NR*0.9>int(NR*0.9))], a[NR]}'
