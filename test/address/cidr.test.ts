import { strict as assert } from "node:assert";
import { cidrSize, contains, formatCidr, overlaps, parseCidr, parseCidrOrThrow, parseIPv4 } from "../../components/address";

const cidr = parseCidrOrThrow;

function parseError(text: string): string {
    const parsed = parseCidr(text);
    assert.equal(parsed.ok, false, `${text} should be rejected`);
    return parsed.ok ? "" : parsed.error;
}

describe("address/cidr: parsing", () => {
    it("parses a CIDR to its first address and prefix", () => {
        assert.deepEqual(parseCidr("10.244.0.0/16"), { ok: true, value: { network: 0x0af40000, prefix: 16 } });
        assert.deepEqual(parseCidr("0.0.0.0/0"), { ok: true, value: { network: 0, prefix: 0 } });
        assert.deepEqual(parseCidr("255.255.255.255/32"), { ok: true, value: { network: 0xffffffff, prefix: 32 } });
    });

    it("rejects host bits and suggests the network", () => {
        assert.equal(parseError("10.244.1.0/16"), "10.244.1.0/16: host bits set; did you mean 10.244.0.0/16?");
        assert.equal(parseError("192.168.1.7/24"), "192.168.1.7/24: host bits set; did you mean 192.168.1.0/24?");
    });

    it("rejects octets above 255", () => {
        assert.match(parseError("10.300.0.0/16"), /octet 300 is out of range 0–255/);
    });

    it("rejects prefixes above 32 and odd spellings of the prefix", () => {
        assert.match(parseError("10.0.0.0/33"), /prefix \/33 must be a whole number from 0 to 32/);
        assert.match(parseError("10.0.0.0/08"), /prefix \/08 must be a whole number from 0 to 32/);
    });

    it("rejects garbage with the expected shape", () => {
        for (const text of ["", "abc", "10.0.0.0", "10.0.0.0/", "10.0/16", "10.0.0.0/16/1", " 10.0.0.0/16", "::/0"]) {
            assert.match(parseError(text), /is not an IPv4 CIDR/, text);
        }
        assert.match(parseError(42 as unknown as string), /42 is not an IPv4 CIDR/);
    });

    it("rejects leading zeros, which some tools read as octal", () => {
        assert.match(parseError("010.0.0.0/8"), /not an IPv4 address/);
        assert.equal(parseIPv4("010.0.0.1").ok, false);
    });

    it("parses addresses strictly", () => {
        assert.deepEqual(parseIPv4("10.0.0.10"), { ok: true, value: 0x0a00000a });
        assert.equal(parseIPv4("10.0.0").ok, false);
        assert.equal(parseIPv4("10.0.0.256").ok, false);
    });
});

describe("address/cidr: arithmetic", () => {
    it("sizes ranges", () => {
        assert.equal(cidrSize(cidr("192.168.1.0/24")), 256);
        assert.equal(cidrSize(cidr("10.244.0.0/16")), 65536);
        assert.equal(cidrSize(cidr("0.0.0.0/0")), 4294967296);
    });

    it("formats what it parses", () => {
        assert.equal(formatCidr(cidr("172.16.0.0/12")), "172.16.0.0/12");
    });

    it("knows containment and overlap", () => {
        assert.ok(contains(cidr("192.168.0.0/16"), cidr("192.168.1.0/24")));
        assert.ok(!contains(cidr("192.168.1.0/24"), cidr("192.168.0.0/16")));
        assert.ok(overlaps(cidr("192.168.1.0/24"), cidr("192.168.0.0/16")));
        assert.ok(!overlaps(cidr("10.0.0.0/16"), cidr("10.1.0.0/16")));
        assert.ok(overlaps(cidr("0.0.0.0/0"), cidr("203.0.113.0/24")));
        assert.ok(!overlaps(cidr("10.255.255.0/24"), cidr("11.0.0.0/24")));
    });
});
