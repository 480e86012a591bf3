# Idiom seen in: sayakpaul/stable-diffusion-keras-ft finetune.py
# Idiom seen in: sayakpaul/stable-diffusion-keras-ft trainer.py
# What it reproduces: the repository as written: a Trainer.train_step override fine-tuning the keras_cv
#   DiffusionModel with tf.keras.optimizers.experimental.AdamW(weight_decay=args.wd) and no
#   exclude_from_weight_decay, so the decoupled decay also shrinks every GroupNorm/LayerNorm gamma/beta
#   and every bias of the UNet (WD203, info).
import argparse

import tensorflow as tf
import tensorflow.experimental.numpy as tnp
from keras_cv.models.stable_diffusion.diffusion_model import DiffusionModel
from keras_cv.models.stable_diffusion.image_encoder import ImageEncoder
from keras_cv.models.stable_diffusion.noise_scheduler import NoiseScheduler

from datasets import DatasetUtils

MAX_PROMPT_LENGTH = 77


class Trainer(tf.keras.Model):
    def __init__(self, diffusion_model, vae, noise_scheduler, max_grad_norm=1.0, **kwargs):
        super().__init__(**kwargs)
        self.diffusion_model = diffusion_model
        self.vae = vae
        self.noise_scheduler = noise_scheduler
        self.max_grad_norm = max_grad_norm
        self.vae.trainable = False

    def train_step(self, inputs):
        images, encoded_text = inputs["images"], inputs["encoded_text"]
        bsz = tf.shape(images)[0]
        with tf.GradientTape() as tape:
            latents = self.vae(images, training=False) * 0.18215
            noise = tf.random.normal(tf.shape(latents))
            timesteps = tnp.random.randint(0, self.noise_scheduler.train_timesteps, (bsz,))
            noisy_latents = self.noise_scheduler.add_noise(latents, noise, timesteps)
            t_emb = tf.squeeze(tf.map_fn(self.get_timestep_embedding, timesteps, dtype=tf.float32), 1)
            model_pred = self.diffusion_model([noisy_latents, t_emb, encoded_text], training=True)
            loss = self.compiled_loss(noise, model_pred, regularization_losses=self.losses)
        trainable_vars = self.diffusion_model.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        gradients = [tf.clip_by_norm(g, self.max_grad_norm) for g in gradients]
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        return {m.name: m.result() for m in self.metrics}

    def get_timestep_embedding(self, timestep, dim=320, max_period=10000):
        half = dim // 2
        freqs = tf.math.exp(-tf.math.log(float(max_period)) * tf.range(0, half, dtype=tf.float32) / half)
        args = tf.convert_to_tensor([timestep], dtype=tf.float32) * freqs
        return tf.reshape(tf.concat([tf.math.cos(args), tf.math.sin(args)], 0), [1, -1])


def parse_args():
    parser = argparse.ArgumentParser(description="Script to fine-tune a Stable Diffusion model.")
    parser.add_argument("--img_height", default=256, type=int)
    parser.add_argument("--img_width", default=256, type=int)
    parser.add_argument("--lr", default=1e-5, type=float)
    parser.add_argument("--wd", default=1e-2, type=float)
    parser.add_argument("--beta_1", default=0.9, type=float)
    parser.add_argument("--beta_2", default=0.999, type=float)
    parser.add_argument("--epsilon", default=1e-08, type=float)
    parser.add_argument("--batch_size", default=4, type=int)
    parser.add_argument("--num_epochs", default=100, type=int)
    return parser.parse_args()


def run(args):
    training_dataset = DatasetUtils(batch_size=args.batch_size, img_height=args.img_height,
                                    img_width=args.img_width).prepare_dataset()
    image_encoder = ImageEncoder(args.img_height, args.img_width)
    trainer = Trainer(
        diffusion_model=DiffusionModel(args.img_height, args.img_width, MAX_PROMPT_LENGTH),
        vae=tf.keras.Model(image_encoder.input, image_encoder.layers[-2].output),
        noise_scheduler=NoiseScheduler(),
    )
    optimizer = tf.keras.optimizers.experimental.AdamW(
        learning_rate=args.lr,
        weight_decay=args.wd,  # expect: WD203
        beta_1=args.beta_1,
        beta_2=args.beta_2,
        epsilon=args.epsilon,
    )
    trainer.compile(optimizer=optimizer, loss="mse")
    trainer.fit(training_dataset, epochs=args.num_epochs)


if __name__ == "__main__":
    run(parse_args())
