# Idiom seen in: d-s-jokhun/ML_utils RegularizeModel.py (set the attribute, then recreate the model
#                from its config and put the weights back), jules-gi/image_detection models/resnet50.py
# What it reproduces: kernel_regularizer set on the layers of a built EfficientNet, then
# tf.keras.models.clone_model(model) (which recreates every layer from its config, regularizer
# included) and set_weights; the clone is compiled and fitted. Correctly wired.
import tensorflow as tf
import tensorflow_datasets as tfds

CONFIG = {
    'image_size': 224,
    'num_classes': 101,
    'weight_decay': 1e-5,
    'batch_size': 64,
    'epochs': 15,
}

model = tf.keras.applications.EfficientNetB0(weights='imagenet', include_top=True)
for layer in model.layers:
    if isinstance(layer, tf.keras.layers.Conv2D):
        layer.kernel_regularizer = tf.keras.regularizers.l2(CONFIG['weight_decay'])

weights = model.get_weights()
model = tf.keras.models.clone_model(model)
model.set_weights(weights)

features = model.layers[-2].output
outputs = tf.keras.layers.Dense(CONFIG['num_classes'], activation='softmax')(features)
classifier = tf.keras.Model(model.input, outputs)


def resize(image, label):
    return tf.image.resize(image, (CONFIG['image_size'], CONFIG['image_size'])), label


train_ds = tfds.load('food101', split='train', as_supervised=True).map(resize).batch(CONFIG['batch_size'])
classifier.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
                   loss='sparse_categorical_crossentropy', metrics=['accuracy'])
classifier.fit(train_ds, epochs=CONFIG['epochs'])
