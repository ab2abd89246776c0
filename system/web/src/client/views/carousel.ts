import { byTestId } from '../dom.ts'

export const SAMPLES = [
  { src: '/carousel/sample-1.mp4', caption: 'Sample 1: a product turntable' },
  { src: '/carousel/sample-2.mp4', caption: 'Sample 2: a slow camera glide' },
  { src: '/carousel/sample-3.mp4', caption: 'Sample 3: light and color' },
] as const

/** The default panel: one sample video at a time (autoplay, muted, loop) and three dots that switch. */
export function mountCarousel() {
  const video = byTestId<HTMLVideoElement>('carousel-video')
  const caption = byTestId('carousel-caption')
  const dots = SAMPLES.map((_, i) => byTestId<HTMLButtonElement>(`carousel-dot-${i + 1}`))
  let current = 0

  const showSample = (index: number) => {
    const sample = SAMPLES[index]
    if (!sample) return
    current = index
    dots.forEach((dot, i) => {
      dot.setAttribute('aria-current', String(i === index))
    })
    caption.textContent = sample.caption
    video.dataset.sample = String(index + 1)
    if (!video.src.endsWith(sample.src)) video.src = sample.src
    playMuted(video)
  }
  dots.forEach((dot, i) => {
    dot.addEventListener('click', () => showSample(i))
  })
  showSample(0)

  return {
    /** Pauses while another state covers the panel; plays again when it is shown. */
    setActive(active: boolean) {
      if (active) showSample(current)
      else video.pause()
    },
  }
}

/** Autoplay is allowed for muted video: make sure the element is muted, then ask it to play. */
export function playMuted(video: HTMLVideoElement): void {
  video.muted = true
  video.defaultMuted = true
  video.play().catch(() => {
    // Autoplay refused (e.g. a data saver): the controls are there to start it by hand.
  })
}
