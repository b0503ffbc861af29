/**
 * Marks a field touched when focus leaves it, so its errors show without each form wiring blur handlers:
 * calls `touch` with the `data-path` of the field focus left, if that field is in `root` itself.
 * Listened to on the shadow root, so moves between two fields of one form never reach the host; a field
 * of a nested form (another shadow root) is that form's to touch.
 */
export function touchOnLeave(root: Node, touch: (path: string) => void): void {
  root.addEventListener('focusout', (event) => {
    const field = event
      .composedPath()
      .find((node): node is HTMLElement => node instanceof HTMLElement && node.dataset['path'] !== undefined);
    if (field && field.getRootNode() === root) touch(field.dataset['path']!);
  });
}
