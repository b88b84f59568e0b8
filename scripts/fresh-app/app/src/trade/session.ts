// The app's login state (a fixed user here).
export function useSession(): { id: string } | null {
  return { id: 'fresh-app-user' }
}
