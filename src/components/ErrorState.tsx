import { Button, Text, View } from '@tarojs/components'

/** A failed load, said plainly, with the one thing the retailer can do about it. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='card error-state'>
      <Text className='error-text'>{message}</Text>
      <Button className='btn btn-primary' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
