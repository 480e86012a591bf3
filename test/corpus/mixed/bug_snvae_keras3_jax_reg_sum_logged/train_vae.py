# Idiom seen in: kdesoto-astro/survey-agnostic-sn-vae src/survey_agnostic_sn_vae/archival/custom_jax_model.py
# What it reproduces: the entry point: compile the JAXModel with Adam and call fit(), which runs the overridden
#   train_step above (so Keras' own addition of model.losses does not happen).
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras

from survey_agnostic_sn_vae.preprocessing import load_lightcurves
from custom_jax_model import build_vae


def main():
    x_train, x_val = load_lightcurves("data/ztf_ps1_lcs.h5", n_timesteps=64)
    vae = build_vae()
    vae.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3))
    vae.fit(x_train, epochs=200, batch_size=128, validation_data=(x_val,))
    vae.save("sn_vae.keras")


if __name__ == "__main__":
    main()
