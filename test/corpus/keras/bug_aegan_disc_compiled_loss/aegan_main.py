# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan_main.py
# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan.py
# What it reproduces: the Colab-style driver: builds the AEGAN (batch size x8 for the eight sub-batches)
#   and calls fit(), which runs the train_step override.
import tensorflow as tf

from aegan import AEGAN
from aegan_data import DataGenerator

image_shape = (64, 64, 3)
latentspace = 70
batch_size = 32
noise_generating_function = lambda b: tf.random.normal((b, latentspace))

batch_size *= 8

model = AEGAN(image_shape=image_shape, latentspace=latentspace, batch_size=batch_size,
              noise_generating_fn=noise_generating_function)

data = DataGenerator(img_path="./data64/", batch_size=batch_size, img_size=image_shape[:2],
                     images_in_validation_split=20, horizontal_flip=True, shuffle=True)

print("Start training..")
model.fit(x=data.training_generator, steps_per_epoch=100, epochs=200,
          callbacks=[tf.keras.callbacks.CSVLogger("./outputs/history.csv", append=True)])
