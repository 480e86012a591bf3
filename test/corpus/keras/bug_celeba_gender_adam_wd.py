# Idiom seen in: rasbt/python-machine-learning-book-3rd-edition ch15/ch15_part2.py
# What it reproduces: the book's CelebA gender CNN (Conv2D/Dropout stack, GlobalAveragePooling2D, Dense logit)
#   compiled with Adam and fit; a user on Keras >= 2.11 adds weight_decay=1e-4 to Adam. That decay is
#   decoupled (no WD202 for Keras), but with no exclude_from_weight_decay it also shrinks every bias (WD203).
import numpy as np
import tensorflow as tf
import tensorflow_datasets as tfds

celeba_bldr = tfds.builder('celeb_a')
celeba = celeba_bldr.as_dataset(shuffle_files=False)
celeba_train = celeba['train'].take(16000)
celeba_valid = celeba['validation'].take(1000)
celeba_test = celeba['test']


def preprocess(example, size=(64, 64), mode='train'):
    image = example['image']
    label = example['attributes']['Male']
    if mode == 'train':
        image_cropped = tf.image.random_crop(image, size=(178, 178, 3))
        image_resized = tf.image.resize(image_cropped, size=size)
        image_flip = tf.image.random_flip_left_right(image_resized)
        return (image_flip / 255.0, tf.cast(label, tf.int32))
    image_cropped = tf.image.crop_to_bounding_box(image, offset_height=20, offset_width=0,
                                                  target_height=178, target_width=178)
    image_resized = tf.image.resize(image_cropped, size=size)
    return (image_resized / 255.0, tf.cast(label, tf.int32))


BATCH_SIZE = 32
BUFFER_SIZE = 1000
IMAGE_SIZE = (64, 64)
steps_per_epoch = np.ceil(16000 / BATCH_SIZE)

ds_train = celeba_train.map(lambda x: preprocess(x, size=IMAGE_SIZE, mode='train'))
ds_train = ds_train.shuffle(buffer_size=BUFFER_SIZE).repeat().batch(BATCH_SIZE)
ds_valid = celeba_valid.map(lambda x: preprocess(x, size=IMAGE_SIZE, mode='eval')).batch(BATCH_SIZE)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, (3, 3), padding='same', activation='relu'),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Dropout(rate=0.5),
    tf.keras.layers.Conv2D(64, (3, 3), padding='same', activation='relu'),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Dropout(rate=0.5),
    tf.keras.layers.Conv2D(128, (3, 3), padding='same', activation='relu'),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Conv2D(256, (3, 3), padding='same', activation='relu'),
])
model.add(tf.keras.layers.GlobalAveragePooling2D())
model.add(tf.keras.layers.Dense(1, activation=None))

tf.random.set_seed(1)
model.build(input_shape=(None, 64, 64, 3))
model.summary()

model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3,
                                                 weight_decay=1e-4),  # expect: WD203
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=['accuracy'])
history = model.fit(ds_train, validation_data=ds_valid, epochs=20, steps_per_epoch=steps_per_epoch)

ds_test = celeba_test.map(lambda x: preprocess(x, size=IMAGE_SIZE, mode='eval')).batch(32)
results = model.evaluate(ds_test, verbose=0)
print('Test Acc: {:.2f}%'.format(results[1] * 100))
