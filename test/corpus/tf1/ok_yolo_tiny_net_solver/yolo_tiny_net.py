# Idiom seen in: nilboy/tensorflow-yolo yolo/net/yolo_tiny_net.py (YoloTinyNet.__init__, inference, loss)
# What it reproduces: the subclass reads weight_decay from the config section as a string, builds the tiny
#   YOLO trunk with the base-class helpers, adds its detection loss to 'losses' and returns
#   tf.add_n(tf.get_collection('losses')) as total_loss; the decay part is also logged on its own.
#   (The grid-target loss is simplified here: labels arrive already encoded per cell.)
import tensorflow as tf

from net import Net


class YoloTinyNet(Net):
    def __init__(self, common_params, net_params, test=False):
        super(YoloTinyNet, self).__init__(common_params, net_params)
        self.image_size = int(common_params['image_size'])
        self.num_classes = int(common_params['num_classes'])
        self.batch_size = int(common_params['batch_size'])
        self.cell_size = int(net_params['cell_size'])
        self.boxes_per_cell = int(net_params['boxes_per_cell'])
        self.weight_decay = float(net_params['weight_decay'])
        if not test:
            self.object_scale = float(net_params['object_scale'])
            self.coord_scale = float(net_params['coord_scale'])

    def inference(self, images):
        temp_conv = self.conv2d('conv1', images, [3, 3, 3, 16], stride=1)
        temp_pool = self.max_pool(temp_conv, [2, 2], 2)
        in_channels = 16
        for i, out_channels in enumerate([32, 64, 128, 256, 512]):
            temp_conv = self.conv2d('conv%d' % (i + 2), temp_pool, [3, 3, in_channels, out_channels], stride=1)
            temp_pool = self.max_pool(temp_conv, [2, 2], 2)
            in_channels = out_channels
        temp_conv = self.conv2d('conv7', temp_pool, [3, 3, 512, 256], stride=1)
        flat_dim = self.cell_size * self.cell_size * 256
        local1 = self.local('local1', temp_conv, flat_dim, 256)
        out_dim = self.cell_size * self.cell_size * (self.num_classes + self.boxes_per_cell * 5)
        local2 = self.local('local2', local1, 256, out_dim, leaky=False, pretrain=False, train=True)
        return tf.reshape(local2, [-1, self.cell_size, self.cell_size, self.num_classes + self.boxes_per_cell * 5])

    def loss(self, predicts, labels):
        n_cls = self.num_classes
        obj_mask = labels[..., n_cls:n_cls + 1]
        class_loss = tf.reduce_sum(obj_mask * tf.square(predicts[..., :n_cls] - labels[..., :n_cls]))
        conf_loss = self.object_scale * tf.reduce_sum(tf.square(predicts[..., n_cls] - labels[..., n_cls]))
        coord_loss = self.coord_scale * tf.reduce_sum(
            obj_mask * tf.square(predicts[..., n_cls + 1:n_cls + 5] - labels[..., n_cls + 1:n_cls + 5]))
        detection_loss = (class_loss + conf_loss + coord_loss) / self.batch_size
        tf.add_to_collection('losses', detection_loss)

        tf.summary.scalar('class_loss', class_loss / self.batch_size)
        tf.summary.scalar('weight_loss', tf.add_n(tf.get_collection('losses')) - detection_loss)
        return tf.add_n(tf.get_collection('losses'), name='total_loss')
