# Idiom seen in: nkanchinadam/cmsc421-final-project model.py
# What it reproduces: a MobileNetV2 base (built at construction) fine-tuned with compile/fit; to "add a little
# L2" the user loops over base_model.layers and sets layer.kernel_regularizer afterwards, which adds no loss
# because the layers are already built and the model is never rebuilt from its config: WD106.
import argparse
import tensorflow as tf

from data import get_datasets

IMG_SIZE = (160, 160)
BATCH_SIZE = 32
WEIGHT_DECAY = 1e-4

parser = argparse.ArgumentParser()
parser.add_argument('--data-dir', default='data/')
parser.add_argument('--epochs', type=int, default=15)
parser.add_argument('--fine-tune-at', type=int, default=100)
args = parser.parse_args()

train_ds, val_ds, class_names = get_datasets(args.data_dir, IMG_SIZE, BATCH_SIZE)

IMG_SHAPE = IMG_SIZE + (3,)
base_model = tf.keras.applications.MobileNetV2(input_shape=IMG_SHAPE, include_top=False, weights='imagenet')
base_model.trainable = True
for layer in base_model.layers[:args.fine_tune_at]:
    layer.trainable = False

for layer in base_model.layers[args.fine_tune_at:]:
    if isinstance(layer, tf.keras.layers.Conv2D):
        layer.kernel_regularizer = tf.keras.regularizers.l2(WEIGHT_DECAY)  # expect: WD106

inputs = tf.keras.Input(shape=IMG_SHAPE)
x = tf.keras.applications.mobilenet_v2.preprocess_input(inputs)
x = base_model(x, training=False)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = tf.keras.layers.Dense(len(class_names))(x)
model = tf.keras.Model(inputs, outputs)

model.compile(optimizer=tf.keras.optimizers.RMSprop(learning_rate=1e-5),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['accuracy'])
model.fit(train_ds, epochs=args.epochs, validation_data=val_ds)
model.save('mobilenet_finetuned.h5')
