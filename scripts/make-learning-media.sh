#!/usr/bin/env bash
# Makes the demo media of 学习 under cloudfunctions/defaults/media/: five micro-courses (text slides with
# Mandarin narration, H.264 + AAC MP4, WebVTT captions timed from the narration, a cover JPEG) and three
# model stores (an equirectangular 2:1 panorama drawn as a cube room, a storefront photo and an interior
# photo taken from the panorama). Everything is drawn and spoken here: nothing is fetched.
#
# Needs Debian's ffmpeg, espeak-ng, imagemagick (convert) and fonts-noto-cjk. The output is committed, so
# the app never needs these tools; rerun this script only to change the media. Same tools, same bytes:
# no timestamps in PNG/JPEG/MP4, one encoder thread, a fixed pseudo-random sequence for the shelves.
#
#   scripts/make-learning-media.sh            # all of it
#   scripts/make-learning-media.sh courses    # or: stores
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/cloudfunctions/defaults/media"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FONT_BOLD="${FONT_BOLD:-/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc}"
FONT="${FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
# espeak-ng 1.51's plain `cmn` voice reads the pinyin of many characters as English words ("yin two");
# the cmn variant that reads Latin as pinyin speaks them as Mandarin syllables.
VOICE="${VOICE:-cmn-latn-pinyin}"
SPEED="${SPEED:-165}"
RATE=22050            # espeak-ng's sample rate; the narration stays at it
W=640 H=360           # course video size: still slides compress to almost nothing
GAP=0.35              # silence after each sentence
SLIDE_TAIL=0.8        # and after the last sentence of a slide

for tool in ffmpeg ffprobe espeak-ng convert; do
  command -v "$tool" >/dev/null || { echo "make-learning-media: $tool is missing (apt-get install -y ffmpeg espeak-ng imagemagick fonts-noto-cjk)" >&2; exit 1; }
done
[ -f "$FONT_BOLD" ] && [ -f "$FONT" ] || { echo "make-learning-media: Noto CJK fonts are missing (apt-get install -y fonts-noto-cjk)" >&2; exit 1; }

# PNG/JPEG without dates or profiles, so reruns give the same bytes.
IM_CLEAN=(-strip -define png:exclude-chunks=date,time)
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
seconds() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }
# 12.345 → 00:00:12.345
vtt_time() { awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); printf "%02d:%02d:%02d.%03d", int(ms / 3600000), int(ms / 60000) % 60, int(ms / 1000) % 60, ms % 1000 }'; }

# ---------------------------------------------------------------------------------------------- courses

# State of the course being made.
COURSE="" ACCENT="" SLIDES=0 CLOCK=0 CUES=0

course_begin() { # id accent-colour
  COURSE="$1" ACCENT="$2" SLIDES=0 CLOCK=0 CUES=0
  mkdir -p "$WORK/$COURSE"
  : >"$WORK/$COURSE/slides.txt"
  : >"$WORK/$COURSE/audio.txt"
  printf 'WEBVTT\n' >"$WORK/$COURSE/captions.vtt"
}

# slide "heading" "line 1|line 2|…" "sentence" ["sentence" …]: one slide, shown while its sentences are spoken.
slide() {
  local heading="$1" lines="$2"; shift 2
  local dir="$WORK/$COURSE" n=$((SLIDES + 1)) y=150 line
  local png="$dir/slide$n.png"
  local args=(-size ${W}x${H} xc:'#fbfaf7' -fill "$ACCENT" -draw "rectangle 0,0 $W,86"
    -font "$FONT_BOLD" -fill white -pointsize 34 -gravity northwest -annotate +36+20 "$heading")
  IFS='|' read -r -a bullets <<<"$lines"
  for line in "${bullets[@]}"; do
    [ -n "$line" ] || continue
    args+=(-font "$FONT" -fill '#222222' -pointsize 26 -annotate +48+$((y - 40)) "$line")
    y=$((y + 52))
  done
  args+=(-fill '#888888' -pointsize 16 -gravity southeast -annotate +20+14 "零售伙伴 · 学习  $n"
    -fill "$ACCENT" -draw "rectangle 0,$((H - 6)) $W,$H")
  convert "${args[@]}" "${IM_CLEAN[@]}" "$png"

  local start="$CLOCK" i=0 sentence wav len
  for sentence in "$@"; do
    i=$((i + 1))
    wav="$dir/s${n}_$i.wav"
    espeak-ng -v "$VOICE" -s "$SPEED" -w "$wav" "$sentence"
    len="$(seconds "$wav")"
    CUES=$((CUES + 1))
    printf '\n%d\n%s --> %s\n%s\n' "$CUES" "$(vtt_time "$CLOCK")" "$(vtt_time "$(calc "$CLOCK + $len")")" "$sentence" >>"$dir/captions.vtt"
    local pause="$GAP"
    [ "$i" -eq "$#" ] && pause="$SLIDE_TAIL"
    ffmpeg -v error -y -f lavfi -i "anullsrc=r=$RATE:cl=mono" -t "$pause" -c:a pcm_s16le "$dir/p${n}_$i.wav"
    printf "file '%s'\nfile '%s'\n" "$wav" "$dir/p${n}_$i.wav" >>"$dir/audio.txt"
    # The clock follows the samples actually written, so the captions stay on the voice to the end.
    CLOCK="$(calc "$CLOCK + $len + $(seconds "$dir/p${n}_$i.wav")")"
  done
  printf "file '%s'\nduration %s\n" "$png" "$(calc "$CLOCK - $start")" >>"$dir/slides.txt"
  SLIDES=$n
}

course_end() {
  local dir="$WORK/$COURSE" last="$WORK/$COURSE/slide$SLIDES.png"
  # The concat demuxer ignores the last entry's duration unless the file is named once more.
  printf "file '%s'\n" "$last" >>"$dir/slides.txt"
  ffmpeg -v error -y -f concat -safe 0 -i "$dir/audio.txt" -c:a pcm_s16le "$dir/narration.wav"
  ffmpeg -v error -y -f concat -safe 0 -i "$dir/slides.txt" -i "$dir/narration.wav" \
    -map 0:v -map 1:a -t "$CLOCK" \
    -vf "fps=10,format=yuv420p" -c:v libx264 -profile:v main -preset slow -tune stillimage -crf 30 -g 100 -threads 1 \
    -c:a aac -b:a 32k -ac 1 -ar "$RATE" \
    -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    "$OUT/courses/$COURSE.mp4"
  cp "$dir/captions.vtt" "$OUT/courses/$COURSE.vtt"
  convert "$dir/slide1.png" -resize 320x180 -quality 72 "${IM_CLEAN[@]}" "$OUT/courses/$COURSE.jpg"
  local length; length="$(seconds "$OUT/courses/$COURSE.mp4")"
  awk -v d="$length" 'BEGIN { exit !(d >= 30 && d <= 90) }' || { echo "make-learning-media: $COURSE lasts ${length}s, outside 30–90 s" >&2; exit 1; }
  printf '%-22s %6.1f s %7d bytes\n' "$COURSE" "$length" "$(stat -c %s "$OUT/courses/$COURSE.mp4")"
}

make_courses() {
  mkdir -p "$OUT/courses"

  course_begin c-pos-unstable '#1f6feb'
  slide '收银系统不稳定怎么办' '卡顿、闪退、连不上网|三步自己排查|约一分钟' \
    '收银系统卡顿、闪退或者连不上网，先别着急。' '这节课教您一步一步排查。'
  slide '第一步  看网络' '• 看路由器的指示灯|• 用手机试试能不能上网|• 重启路由器，等两分钟' \
    '第一步，看网络。' '路由器的灯不亮，或者一直闪红灯，就重启路由器，等两分钟再试。'
  slide '第二步  正常关机再开机' '• 先退出收银软件|• 再关机、开机|• 不要直接拔电源' \
    '第二步，正常关机再开机。' '先退出收银软件，不要直接拔电源，以免丢失数据。'
  slide '第三步  检查软件版本' '• 打开收银软件的“关于”|• 有新版本就更新' \
    '第三步，检查软件版本。' '旧版本容易出问题，有新版本就及时更新。'
  slide '还是不行？' '• 记下出错的时间|• 拍下屏幕上的提示|• 联系您的客户经理' \
    '如果还是不行，记下出错的时间，拍下屏幕上的提示。' '然后联系您的客户经理。'
  slide '记住三步' '网络 → 重启 → 更新|收银稳定，扫码数据才完整' \
    '记住三步：看网络，重启，更新。' '收银稳定，扫码数据才完整。'
  course_end

  course_begin c-scanner-fault '#0f8a5f'
  slide '扫码枪故障排查' '扫不出来？|多数情况自己就能解决' \
    '扫码枪扫不出来，是店里常见的小毛病。' '大多数情况，自己就能解决。'
  slide '先看连线' '• 把 USB 线插紧|• 换一个接口试试|• 无线扫码枪先充电' \
    '先看连线。把线插紧，或者换一个接口。' '无线扫码枪，记得先充电。'
  slide '再看扫码窗口' '• 用干净的软布擦一擦|• 条码别有褶皱、别反光' \
    '再看扫码窗口，用软布擦干净。' '条码有褶皱或者反光，也会扫不出来。'
  slide '先把生意做了' '• 在收银软件里|  手动输入条码数字' \
    '实在扫不出来，就在收银软件里手动输入条码，先把生意做了。'
  slide '恢复默认设置' '• 扫说明书上的“恢复默认”码|• 还不行：联系客户经理更换' \
    '最后，可以扫说明书上的恢复默认设置码。' '还不行，请联系客户经理更换设备。'
  course_end

  course_begin c-card-limit '#0f8a5f'
  slide '二类卡限额与收款' '顾客付款失败？|可能碰到了银行卡限额' \
    '有时候顾客扫码付款失败，可能是碰到了银行卡的限额。'
  slide '什么是二类卡' '• 多是网上开的电子账户|• 每天、每年都有额度限制' \
    '二类卡多是网上开的电子银行账户。' '它每天和每年的收付款，都有额度限制。'
  slide '顾客付款失败时' '• 请顾客换一张卡|• 或者用零钱付款|• 大额可以分几次付' \
    '顾客付款失败时，请他换一张卡，或者用零钱付款。' '大额的货款，可以分几次付。'
  slide '您自己的结算卡' '• 尽量用一类卡|• 带身份证到开户银行柜台办理' \
    '您店里的结算卡，尽量用一类卡。' '带上身份证，到银行柜台就能办理。'
  slide '订货扣款前' '• 看看余额和限额|• 别因为扣款失败错过订货' \
    '订货扣款前，也要看看卡里的余额和限额。' '别因为扣款失败，错过这周的订货。'
  course_end

  course_begin c-stockout-warning '#c2410c'
  slide '看到断货预警后怎么做' '热销的烟快卖完了|三步应对' \
    '经营页面出现断货预警，说明热销的烟快卖完了。'
  slide '预警说了什么' '• 哪个品规|• 还能卖几天|• 下次什么时候到货' \
    '预警会告诉您：哪个品规，还能卖几天，下次什么时候到货。'
  slide '第一步  核对库存' '• 数一数货架和库房|• 数字不对就在收银系统里更正' \
    '第一步，数一数货架上和库房里还有多少。' '数字不对，就在收银系统里更正。'
  slide '第二步  订货日适当多订' '• 参考建议订单|• 不超过月限量' \
    '第二步，在订货日参考建议订单，适当多订。' '注意不要超过您的月限量。'
  slide '第三步  摆好替代品' '• 同价位段的其他品规|• 放在顾客看得见的地方' \
    '第三步，把同价位的其他品规摆在显眼的位置。' '缺货的时候，顾客也有得选。'
  course_end

  course_begin c-family-order '#7c3aed'
  slide '家人帮忙订货' '手机用不惯？|请子女帮您' \
    '年纪大了，手机用不惯？可以请家人帮忙订货。'
  slide '第一步  邀请家人' '• 我的 → 家人帮忙|• 生成邀请，发给家人' \
    '在我的页面，打开家人帮忙。' '生成一个邀请，发给您的子女。'
  slide '第二步  家人接受' '• 家人打开邀请|• 您同意以后才生效' \
    '家人打开邀请，您同意以后，才能帮您操作。'
  slide '家人能做什么' '• 和您一起收到订货提醒|• 帮您准备订单|• 代您订货' \
    '家人可以和您一起收到订货提醒。' '帮您准备订单，或者代您订货。'
  slide '随时可以取消' '• 我的 → 家人帮忙 → 移除|店是您的，您做主' \
    '您随时可以在家人帮忙里移除他们。' '店是您的，做主的也是您。'
  course_end
}

# ----------------------------------------------------------------------------------------------- stores
#
# A panorama is drawn as the six faces of a cube room (3 m each way, the eye in the middle) and turned into
# an equirectangular image by ffmpeg's v360 filter. Each wall face is the wall seen straight on, so shelves
# drawn flat on it look right from every angle; the counter stands 0.5 m in front of the front wall and is
# drawn as the camera sees it on the front and floor faces (see the numbers in draw_counter).

S=512                 # cube face size: 2048×1024 panorama

# Park–Miller pseudo-random numbers in awk, exact in doubles, the same under mawk and gawk.
AWK_RNG='function rnd(n) { seed = (seed * 16807) % 2147483647; return int(seed / 2147483647 * n) }'

# shelves x0 y0 x1 y1 boards seed style palette → draw commands: boards with goods standing on them.
# style: box (packs and snacks), bottle (drinks and liquor), sack (rice, flour, sundries).
shelves() {
  awk -v x0="$1" -v y0="$2" -v x1="$3" -v y1="$4" -v n="$5" -v seed="$6" -v style="$7" -v pal="$8" "$AWK_RNG"'
  BEGIN {
    k = split(pal, colours, ",")
    printf "fill #6b4a2b rectangle %d,%d %d,%d ", x0 - 4, y0, x0, y1
    printf "fill #6b4a2b rectangle %d,%d %d,%d ", x1, y0, x1 + 4, y1
    step = (y1 - y0) / n
    for (b = 1; b <= n; b++) {
      base = int(y0 + b * step)
      top = int(base - step + 10)
      x = x0 + 3
      while (x < x1 - 8) {
        c = colours[1 + rnd(k)]
        if (style == "bottle") { w = 9 + rnd(6); h = int((base - top) * (0.6 + rnd(35) / 100)) }
        else if (style == "sack") { w = 26 + rnd(18); h = int((base - top) * (0.45 + rnd(30) / 100)) }
        else { w = 12 + rnd(14); h = int((base - top) * (0.4 + rnd(45) / 100)) }
        if (x + w > x1 - 3) w = x1 - 3 - x
        if (w < 5) break
        if (style == "bottle") {
          neck = int(w / 3)
          printf "fill %s rectangle %d,%d %d,%d ", c, x, base - h + 10, x + w, base - 1
          printf "fill %s rectangle %d,%d %d,%d ", c, x + neck, base - h, x + w - neck, base - h + 10
          printf "fill #f4f1e8 rectangle %d,%d %d,%d ", x + 2, base - int(h / 2), x + w - 2, base - int(h / 2) + 6
        } else if (style == "sack") {
          printf "fill %s roundrectangle %d,%d %d,%d 8,8 ", c, x, base - h, x + w, base - 1
          printf "fill #b91c1c rectangle %d,%d %d,%d ", x + 6, base - int(h * 0.6), x + w - 6, base - int(h * 0.6) + 5
        } else {
          printf "fill %s rectangle %d,%d %d,%d ", c, x, base - h, x + w, base - 1
          printf "fill #ffffff60 rectangle %d,%d %d,%d ", x + 2, base - h + 3, x + w - 2, base - h + 6
        }
        x += w + 2 + rnd(3)
      }
      printf "fill #7a5230 rectangle %d,%d %d,%d ", x0 - 4, base, x1 + 4, base + 6
    }
  }'
}

# cabinet x0 y0 x1 y1 seed → a glass cigarette cabinet: rows of packs behind glass, price strips.
cabinet() {
  awk -v x0="$1" -v y0="$2" -v x1="$3" -v y1="$4" -v seed="$5" "$AWK_RNG"'
  BEGIN {
    k = split("#c0392b,#e8e2d0,#1e3a8a,#d4a017,#2f855a,#7b341e,#f5f5f5,#9b2c2c", colours, ",")
    printf "fill #3b2a1a rectangle %d,%d %d,%d ", x0 - 6, y0 - 6, x1 + 6, y1 + 6
    printf "fill #dfe9ef rectangle %d,%d %d,%d ", x0, y0, x1, y1
    rows = 5; rh = (y1 - y0) / rows
    for (r = 0; r < rows; r++) {
      top = int(y0 + r * rh) + 5; base = int(y0 + (r + 1) * rh) - 8
      for (x = x0 + 4; x + 11 < x1; x += 14) {
        c = colours[1 + rnd(k)]
        printf "fill %s rectangle %d,%d %d,%d ", c, x, top, x + 11, base
      }
      printf "fill #fff7cc rectangle %d,%d %d,%d ", x0, base + 1, x1, base + 6
    }
    for (x = x0 + int((x1 - x0) / 3); x < x1; x += int((x1 - x0) / 3)) printf "fill #3b2a1a rectangle %d,%d %d,%d ", x - 1, y0, x + 1, y1
    printf "fill #ffffff40 polygon %d,%d %d,%d %d,%d %d,%d ", x0 + 20, y0, x0 + 60, y0, x0 + 10, y1, x0 - 10 + 1, y1
  }'
}

# The counter (x ±0.9 m, 1 m high, 0.5 m deep, against the front wall 1.5 m away) as the eye in the middle
# of the room sees it. Front face, pixels = (x + 1.5) / 3 × 512, (1.5 − y) / 3 × 512: its top spans y −0.5 at
# the wall (x ±0.9) to −0.75 at its front edge (x ±1.35, the near edge looks wider); its front runs to the
# bottom of the face. Floor face (front wall at the top edge): the lower part of the counter's front falls
# there, from x ±1.35 at the edge to ±0.9 where it meets the floor, z 1.0 m → 85 px down.
counter_front() { # top colour, front colour
  echo "fill $1 polygon 102,341 410,341 486,384 26,384 fill $2 rectangle 26,384 486,512 fill #00000030 rectangle 26,384 486,392 fill #1f2937 rectangle 317,297 379,356 fill #60a5fa rectangle 321,301 375,348 fill #111827 rectangle 150,360 200,372"
}
counter_floor() { echo "fill $1 polygon 26,0 486,0 410,85 102,85 fill #00000025 polygon 102,85 410,85 420,92 92,92"; }

tiles() { # colour-a colour-b size
  awk -v a="$1" -v b="$2" -v t="$3" -v s="$S" 'BEGIN { for (y = 0; y < s; y += t) for (x = 0; x < s; x += t) printf "fill %s rectangle %d,%d %d,%d ", ((x + y) / t) % 2 ? a : b, x, y, x + t - 2, y + t - 2 }'
}

# face name background draw-commands [text-annotations…]
face() {
  local name="$1" bg="$2" draw="$3"; shift 3
  convert -size ${S}x${S} xc:"$bg" -draw "$draw" "$@" "${IM_CLEAN[@]}" "$WORK/store/$name.png"
}

# store id sign-colour sign-text wall floor-a floor-b ceiling style-right style-left palette seed shop-name
make_store() {
  local id="$1" sign="$2" signText="$3" wall="$4" fa="$5" fb="$6" ceiling="$7" right="$8" left="$9" pal="${10}" seed="${11}" name="${12}"
  mkdir -p "$WORK/store"
  local countTop='#e7d3b0' countFront='#8a5a33'
  [ "$right" = bottle ] && countTop='#3a2a1f' && countFront='#5b1f1f'

  face f "$wall" "fill $sign rectangle 70,18 442,92 fill #ffffff30 rectangle 70,18 442,26 $(cabinet 96 118 416 318 $((seed + 1))) $(counter_front "$countTop" "$countFront")" \
    -font "$FONT_BOLD" -fill '#fff8e1' -pointsize 44 -gravity north -annotate +0+22 "$signText"
  face r "$wall" "$(shelves 30 60 482 500 5 $((seed + 2)) "$right" "$pal")"
  face l "$wall" "$(shelves 30 60 482 500 5 $((seed + 3)) "$left" "$pal")"
  # The back wall: the glass door with daylight outside, a shelf on each side, a notice over the door.
  face b "$wall" "$(shelves 16 120 150 500 4 $((seed + 4)) "$right" "$pal") $(shelves 362 120 496 500 4 $((seed + 5)) "$left" "$pal") fill #4b5563 rectangle 176,96 336,512 fill #cfe8f7 rectangle 184,104 328,512 fill #9ccc65 rectangle 184,400 328,512 fill #4b5563 rectangle 254,104 258,512 fill #ffffff70 polygon 200,110 240,110 196,300 188,300" \
    -font "$FONT_BOLD" -fill "$sign" -pointsize 22 -gravity north -annotate +0+60 '依法经营 · 不向未成年人售烟'
  face u "$ceiling" "$(awk -v s="$S" 'BEGIN { for (i = 0; i < 3; i++) for (j = 0; j < 3; j++) printf "fill #fffbe6 rectangle %d,%d %d,%d fill #e5e0cf rectangle %d,%d %d,%d ", 60 + i * 150, 60 + j * 150, 150 + i * 150, 110 + j * 150, 60 + i * 150, 110 + j * 150, 150 + i * 150, 114 + j * 150 }')"
  face d "$fa" "$(tiles "$fa" "$fb" 64) $(counter_floor "$countFront")"

  # c3x2 in ffmpeg's default order: right left up / down front back.
  convert \( "$WORK/store/r.png" "$WORK/store/l.png" "$WORK/store/u.png" +append \) \
    \( "$WORK/store/d.png" "$WORK/store/f.png" "$WORK/store/b.png" +append \) -append "${IM_CLEAN[@]}" "$WORK/store/cube.png"
  ffmpeg -v error -y -i "$WORK/store/cube.png" -vf "v360=input=c3x2:output=e:w=$((S * 4)):h=$((S * 2)):interp=lanczos" "$WORK/store/pano.png"
  convert "$WORK/store/pano.png" -quality 70 -sampling-factor 4:2:0 "${IM_CLEAN[@]}" "$OUT/stores/$id-pano.jpg"

  # A photo from the middle of the shop towards the counter, cut from the panorama with a wide lens.
  ffmpeg -v error -y -i "$WORK/store/pano.png" -vf "v360=input=e:output=flat:h_fov=110:v_fov=83.5:w=640:h=400:interp=lanczos" "$WORK/store/inside.png"
  convert "$WORK/store/inside.png" -quality 72 "${IM_CLEAN[@]}" "$OUT/stores/$id-inside.jpg"

  # The storefront from the street: wall, sign with the shop's name, glass door, window, the tobacco licence plate.
  convert -size 640x400 xc:'#dbeafe' \
    -draw "fill #d6d3d1 rectangle 0,60 640,340 fill $sign rectangle 40,80 600,150 fill #374151 rectangle 250,180 390,340 fill #cfe8f7 rectangle 258,188 382,340 fill #374151 rectangle 318,188 322,340 fill #374151 rectangle 60,180 220,300 fill #cfe8f7 rectangle 66,186 214,294 fill #374151 rectangle 420,180 580,300 fill #cfe8f7 rectangle 426,186 574,294 fill #9ca3af rectangle 0,340 640,400 fill #b91c1c rectangle 440,310 520,336" \
    -font "$FONT_BOLD" -fill '#fff8e1' -pointsize 46 -gravity north -annotate +0+88 "$name" \
    -fill white -pointsize 16 -gravity northwest -annotate +452+313 '烟草专卖' \
    -quality 72 "${IM_CLEAN[@]}" "$OUT/stores/$id-front.jpg"
  printf '%-24s %7d bytes (panorama)\n' "$id" "$(stat -c %s "$OUT/stores/$id-pano.jpg")"
}

make_stores() {
  mkdir -p "$OUT/stores"
  make_store ms-town-convenience '#15803d' '便利店 · 示范店' '#f3f4f6' '#e5e7eb' '#d1d5db' '#f9fafb' box bottle \
    '#ef4444,#f59e0b,#10b981,#3b82f6,#8b5cf6,#ec4899,#f97316,#22c55e,#eab308' 11 '城镇便利店'
  make_store ms-village-grocery '#b91c1c' '食杂店 · 示范店' '#f1e6cf' '#c8b08a' '#b89b72' '#efe7d6' box sack \
    '#f5deb3,#e2c290,#d97706,#f8fafc,#a3a3a3,#84cc16,#dc2626,#fde68a' 23 '乡村食杂店'
  make_store ms-town-tobacco-liquor '#7f1d1d' '烟酒 · 示范店' '#ead7c3' '#5b3a29' '#4a2e20' '#f2e8dc' bottle box \
    '#7f1d1d,#b45309,#1e3a8a,#e5e7eb,#065f46,#d4a017,#991b1b,#f5f5f4' 37 '城镇烟酒店'
}

case "${1:-all}" in
  courses) make_courses ;;
  stores) make_stores ;;
  all) make_courses; make_stores ;;
  *) echo "usage: $0 [courses|stores]" >&2; exit 2 ;;
esac
du -sh "$OUT"
