/** The one element with this data-testid; the page's static HTML guarantees it, so absence is a bug. */
export function byTestId<T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(`[data-testid="${id}"]`)
  if (!found) throw new Error(`page is missing [data-testid="${id}"]`)
  return found
}

export interface ElementProps {
  className?: string
  /** Set with textContent: user input never becomes markup. */
  text?: string
  attrs?: Record<string, string>
}

/** Creates an element; text goes through textContent and attributes through setAttribute, never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (props.className) node.className = props.className
  if (props.text !== undefined) node.textContent = props.text
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value)
  node.append(...children)
  return node
}

export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible
}
