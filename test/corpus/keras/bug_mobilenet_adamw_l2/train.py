# Idiom seen in: Shrabana97/Diagnosis-of-COVID-19-Pneumonia-from-Chest-X-ray-Scans-using-Modified-MobileNet-Architecture train.py
# Idiom seen in: Shrabana97/Diagnosis-of-COVID-19-Pneumonia-from-Chest-X-ray-Scans-using-Modified-MobileNet-Architecture cnn.py
# What it reproduces: directory-generator training script with a step LR schedule; the optimizer is Keras AdamW
#   with weight_decay and no exclude_from_weight_decay, so it decays MobileNet's BatchNorm scales and all biases,
#   and on top of the head's l2 regularizers (cnn.py) (user mistake in the repo's idiom).
import os

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

from cnn import mobilenet_mod

learning_rate = 0.001
epoch = 100
batch_size = 8
lambd = 0.00001
steps = 10

root_dir = open("path_of_train_dir.txt").read().strip()
train_directory = os.path.join(root_dir, 'classify train', 'training')
validation_directory = os.path.join(root_dir, 'classify train', 'validation')


def lr_schedule(epoch):
    return learning_rate * (0.1 ** int(epoch / steps))


callback = [keras.callbacks.LearningRateScheduler(lr_schedule, verbose=1),
            keras.callbacks.EarlyStopping(monitor='loss', min_delta=0.001, patience=10,
                                          restore_best_weights=True)]

class_no = len(os.listdir(train_directory))
if class_no <= 2:
    class_mode, output_activation, output_neurons, losses = 'binary', 'sigmoid', 1, 'binary_crossentropy'
else:
    class_mode, output_activation = 'categorical', 'softmax'
    output_neurons, losses = class_no, 'categorical_crossentropy'

h = w = 128
dim = (h, w, 3)

train_generator = ImageDataGenerator(rescale=1.0 / 255.).flow_from_directory(
    train_directory, batch_size=batch_size, class_mode=class_mode, target_size=(h, w), shuffle=True)
validation_generator = ImageDataGenerator(rescale=1.0 / 255.).flow_from_directory(
    validation_directory, batch_size=batch_size, class_mode=class_mode, target_size=(h, w), shuffle=True)

optimizer = tf.keras.optimizers.AdamW(learning_rate=learning_rate,
                                      weight_decay=0.004,  # expect: WD203
                                      beta_1=0.9, beta_2=0.999)

model = mobilenet_mod(lambd, dim, output_neurons, output_activation)
model.compile(optimizer=optimizer, loss=losses,
              metrics=['accuracy', tf.keras.metrics.Precision(), tf.keras.metrics.Recall()])
model.summary()

history = model.fit(train_generator, epochs=epoch, verbose=1, callbacks=callback,
                    validation_data=validation_generator, shuffle=True)
