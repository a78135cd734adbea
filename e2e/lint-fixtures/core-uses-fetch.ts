export async function load(url: string): Promise<unknown> {
  return (await fetch(url)).json();
}
