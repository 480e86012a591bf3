# Idiom seen in: ssongman/AI ML_basic/c01_helloworld/temp.py
# What it reproduces: the same hand-applied tf.keras.regularizers.l2 on a raw tf.Variable, computed inside
#   the GradientTape and added to the loss whose gradient updates W, so the decay is trained. Clean.
import tensorflow as tf

LEARNING_RATE = 0.05
EPOCHS = 200

W = tf.Variable(tf.ones(shape=(2, 2)), name="W")
b = tf.Variable(tf.zeros(shape=(2,)), name="b")
regularizer = tf.keras.regularizers.l2(0.04)


@tf.function
def forward(x):
    return tf.matmul(x, W) + b


x_data = tf.random.normal((256, 2))
y_data = tf.matmul(x_data, tf.constant([[2.0, -1.0], [0.5, 3.0]])) + 0.1 * tf.random.normal((256, 2))

for epoch in range(EPOCHS):
    with tf.GradientTape() as tape:
        pred = forward(x_data)
        data_loss = tf.reduce_mean(tf.square(y_data - pred))
        reg_loss = regularizer(W)
        loss = data_loss + reg_loss
    dW, db = tape.gradient(loss, [W, b])
    W.assign_sub(LEARNING_RATE * dW)
    b.assign_sub(LEARNING_RATE * db)
    if epoch % 20 == 0:
        print(epoch, float(data_loss), float(reg_loss))
