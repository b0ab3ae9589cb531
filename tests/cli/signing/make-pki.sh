#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# make-pki.sh DIR - a throw-away PKI for the signing tests, made with openssl at test time (no key is
# ever committed): a root CA, the signer (a person of Sở Nội vụ), the agency (its seal), two units
# answering plans (UBND xã Tân Thạnh, UBND xã Ngọc Sơn), a time-stamping authority, and a second,
# untrusted CA with a signer of its own. PKCS#12 files use the password in DIR/pw.txt.
set -eu
d=$1
mkdir -p "$d"
cd "$d"
cat > pki.cnf <<'CNF'
[req]
distinguished_name=dn
[dn]
[ca_ext]
basicConstraints=critical,CA:true
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[user_ext]
basicConstraints=CA:false
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[tsa_ext]
basicConstraints=CA:false
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
[tsa]
default_tsa=tsa_config
[tsa_config]
dir=.
serial=./tsaserial
signer_digest=sha256
default_policy=1.2.3.4.1
digests=sha256
accuracy=secs:1
ess_cert_id_alg=sha256
certs=./ca.pem
CNF
echo secret-p12 > pw.txt
echo 01 > tsaserial
ca() { # name subject
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -days 3650 -subj "$2" -utf8 \
        -config pki.cnf -extensions ca_ext 2>/dev/null
}
user() { # name subject ca ext
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" -utf8 -config pki.cnf 2>/dev/null
    openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -out "$1.pem" -days 365 \
        -extfile pki.cnf -extensions "${4:-user_ext}" 2>/dev/null
    openssl pkcs12 -export -inkey "$1.key" -in "$1.pem" -certfile "$3.pem" -out "$1.p12" -passout file:pw.txt
}
ca ca "/CN=CA thử nghiệm par-audit/O=Thử nghiệm"
ca other-ca "/CN=CA khác (không tin cậy)/O=Khác"
user signer "/CN=Lê Đình Lý/O=Sở Nội vụ tỉnh Nghệ An" ca
user agency "/CN=Sở Nội vụ tỉnh Nghệ An/O=Sở Nội vụ tỉnh Nghệ An" ca
user tan-thanh "/CN=UBND xã Tân Thạnh/O=UBND xã Tân Thạnh" ca
user ngoc-son "/CN=UBND xã Ngọc Sơn/O=UBND xã Ngọc Sơn" ca
user stranger "/CN=Người lạ/O=Khác" other-ca
user tsa "/CN=TSA thử nghiệm" ca tsa_ext
mkdir -p trust other-trust
cp ca.pem trust/
cp other-ca.pem other-trust/
# Images as an office configures them: a blue signature and a red seal, PNG with transparency.
convert -size 300x120 xc:none -stroke blue -strokewidth 5 -fill none -draw "bezier 20,90 80,10 140,110 200,30" \
    -draw "line 200,30 280,80" chu-ky.png
convert -size 300x300 xc:none -stroke red -strokewidth 8 -fill none -draw "circle 150,150 150,10" \
    -draw "circle 150,150 150,50" -fill red -stroke none \
    -draw "polygon 150,100 162,135 200,135 170,158 182,195 150,172 118,195 130,158 100,135 138,135" con-dau.png
convert -size 200x80 xc:white -stroke blue -strokewidth 4 -draw "line 10,60 190,20" chu-ky.jpg
